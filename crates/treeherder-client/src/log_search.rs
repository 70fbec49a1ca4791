//! Substring search over a log's bytes, with or without ASCII case folding. Two bytes of the
//! needle (its rarest) are tested at every position at once — sixteen positions in a wasm SIMD
//! vector in the browser, eight in a 64-bit word natively — and only the positions where both
//! agree are compared in full. (`memchr2` on one common letter stops every few bytes: a 45 MB
//! log took 80 ms for a two-letter term; the browser build is not compiled for `simd128` as a
//! whole, so `memchr`'s own SIMD paths are not used there.)

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// The high bit of each byte of `v` that is zero, and of no other (no carry crosses bytes).
fn zero_bytes(v: u64) -> u64 {
    !(((v & LOW7) + LOW7) | v) & HIGH
}

/// Eight bytes of `haystack` from `at`, the first in the lowest byte.
fn word(haystack: &[u8], at: usize) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&haystack[at..at + 8]);
    u64::from_le_bytes(bytes)
}

/// One byte of the needle tested in every byte of a word: `(word | fold) ^ expect` is zero
/// where it matches. For a letter searched without case, `fold` sets bit 5, which turns an
/// upper-case letter into its lower case and nothing else into that letter.
#[derive(Clone, Copy)]
struct Probe {
    offset: usize,
    fold: u64,
    expect: u64,
}

impl Probe {
    fn new(needle: &[u8], offset: usize, case_sensitive: bool) -> Probe {
        let byte = needle[offset];
        let fold = if !case_sensitive && byte.is_ascii_lowercase() { 0x20 } else { 0 };
        Probe { offset, fold: fold * ONES, expect: u64::from(byte) * ONES }
    }

    /// High bits of the bytes, for starts `start..start + 8`, where this byte matches.
    fn hits(&self, haystack: &[u8], start: usize) -> u64 {
        zero_bytes((word(haystack, start + self.offset) | self.fold) ^ self.expect)
    }

    fn matches(&self, haystack: &[u8], start: usize) -> bool {
        let byte = u64::from(haystack[start + self.offset]);
        (byte | (self.fold & 0xff)) == (self.expect & 0xff)
    }
}

/// A needle, ready to be searched for many times.
pub struct Finder {
    /// Lower-cased when searching without case.
    needle: Vec<u8>,
    case_sensitive: bool,
    probes: [Probe; 2],
}

impl Finder {
    /// `None` for an empty needle (it would match everywhere).
    pub fn new(needle: &[u8], case_sensitive: bool) -> Option<Finder> {
        if needle.is_empty() {
            return None;
        }
        let needle: Vec<u8> = if case_sensitive { needle.to_vec() } else { needle.iter().map(u8::to_ascii_lowercase).collect() };
        // The two rarest positions (by how common their byte is in logs), in needle order.
        let mut by_rarity: Vec<usize> = (0..needle.len()).collect();
        by_rarity.sort_by_key(|&i| commonness(needle[i]));
        let first = by_rarity[0];
        let second = by_rarity.iter().copied().find(|&i| needle[i] != needle[first]).or(by_rarity.get(1).copied()).unwrap_or(first);
        let (a, b) = (first.min(second), first.max(second));
        let probes = [Probe::new(&needle, a, case_sensitive), Probe::new(&needle, b, case_sensitive)];
        Some(Finder { needle, case_sensitive, probes })
    }

    /// The first start of the needle in `haystack`.
    pub fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "wasm32")]
        {
            // A wasm module is validated whole before it runs: where this runs at all, the
            // engine has SIMD (every browser since 2021–2023: Chrome 91, Firefox 89, Safari 16.4).
            self.find_simd(haystack)
        }
        #[cfg(not(target_arch = "wasm32"))]
        self.find_words(haystack)
    }

    /// Sixteen starts at once in a 128-bit vector: the two probes compared, both masks
    /// combined, and only the positions where both agree compared in full.
    #[cfg(target_arch = "wasm32")]
    #[target_feature(enable = "simd128")]
    fn find_simd(&self, haystack: &[u8]) -> Option<usize> {
        use core::arch::wasm32::{u8x16_bitmask, u8x16_eq, u8x16_splat, v128, v128_and, v128_load, v128_or};
        let n = self.needle.len();
        let last = haystack.len().checked_sub(n)?;
        let [p, q] = self.probes;
        let splat = |word: u64| u8x16_splat(word as u8);
        let (p_fold, p_expect, q_fold, q_expect) = (splat(p.fold), splat(p.expect), splat(q.fold), splat(q.expect));
        let mut start = 0;
        while start + 15 <= last {
            // SAFETY: start + 15 <= len - n and each offset < n, so both 16-byte loads end
            // within the haystack; v128_load reads unaligned.
            let (a, b) = unsafe {
                (
                    v128_load(haystack.as_ptr().add(start + p.offset) as *const v128),
                    v128_load(haystack.as_ptr().add(start + q.offset) as *const v128),
                )
            };
            let both = v128_and(u8x16_eq(v128_or(a, p_fold), p_expect), u8x16_eq(v128_or(b, q_fold), q_expect));
            let mut hits = u8x16_bitmask(both);
            while hits != 0 {
                let at = start + hits.trailing_zeros() as usize;
                if self.is_at(haystack, at) {
                    return Some(at);
                }
                hits &= hits - 1;
            }
            start += 16;
        }
        (start..=last).find(|&at| p.matches(haystack, at) && q.matches(haystack, at) && self.is_at(haystack, at))
    }

    /// Eight starts at once in a 64-bit word (where there is no SIMD: the native build).
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    fn find_words(&self, haystack: &[u8]) -> Option<usize> {
        let n = self.needle.len();
        let last = haystack.len().checked_sub(n)?;
        let [p, q] = self.probes;
        let mut start = 0;
        // Eight starts at once while all eight are possible starts (then every load stays
        // inside the haystack: the second probe's offset is below n).
        while start + 7 <= last {
            let mut hits = p.hits(haystack, start) & q.hits(haystack, start);
            while hits != 0 {
                let at = start + (hits.trailing_zeros() / 8) as usize;
                if self.is_at(haystack, at) {
                    return Some(at);
                }
                hits &= hits - 1;
            }
            start += 8;
        }
        (start..=last).find(|&at| p.matches(haystack, at) && q.matches(haystack, at) && self.is_at(haystack, at))
    }

    fn is_at(&self, haystack: &[u8], at: usize) -> bool {
        let candidate = &haystack[at..at + self.needle.len()];
        if self.case_sensitive {
            candidate == &self.needle[..]
        } else {
            candidate.iter().zip(&self.needle).all(|(a, b)| a.to_ascii_lowercase() == *b)
        }
    }
}

/// How common a (lower-case) byte is in log text: lower is rarer. Letters by English
/// frequency, then digits and the punctuation logs are full of; anything else is rare.
fn commonness(byte: u8) -> u8 {
    const ORDER: &[u8] = b" etaoinsrhldcumfpgwybvkxjqz0123456789-_./:[]|=";
    ORDER.iter().position(|&b| b == byte).map_or(0, |i| (ORDER.len() - i) as u8)
}

#[cfg(test)]
mod tests {
    use super::Finder;

    /// What a plain scan finds: the reference the word-at-a-time search must agree with.
    fn scan(haystack: &[u8], needle: &[u8], case_sensitive: bool) -> Option<usize> {
        let fold = |b: &u8| if case_sensitive { *b } else { b.to_ascii_lowercase() };
        haystack.windows(needle.len()).position(|w| w.iter().map(fold).eq(needle.iter().map(fold)))
    }

    #[test]
    fn agrees_with_a_plain_scan_at_every_offset_and_case() {
        // Letters next to the bytes that differ from them only in bit 5 ('@' '[' '`' '{'),
        // non-ASCII, and needles at every place relative to an eight-byte word.
        let text = b"@[`{ TEST-unexpected-FAIL | x/Y.html \xc3\xa9t\xc3\xa9 zZ te Te tE TE ok 0123 {a} [A] `b` @B@";
        for len in 1..=6 {
            for from in 0..=text.len() - len {
                let needle = &text[from..from + len];
                for pad in 0..9 {
                    let mut haystack = vec![b'.'; pad];
                    haystack.extend_from_slice(text);
                    for case in [false, true] {
                        let finder = Finder::new(needle, case).expect("a needle");
                        assert_eq!(
                            finder.find(&haystack),
                            scan(&haystack, needle, case),
                            "{:?} case {case} pad {pad}",
                            String::from_utf8_lossy(needle)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn folding_touches_letters_only() {
        let finder = Finder::new(b"a[", false).expect("a needle");
        assert_eq!(finder.find(b"A{ a{ A["), Some(6), "'{{' is not '[' folded");
        assert_eq!(Finder::new(b"@", false).expect("a needle").find(b"`"), None);
        assert_eq!(Finder::new(b"E", true).expect("a needle").find(b"eeeE"), Some(3));
        assert!(Finder::new(b"", false).is_none());
        assert_eq!(Finder::new(b"longer than the text", false).expect("a needle").find(b"short"), None);
    }
}
