//! Hawk authentication (<https://github.com/mozilla/hawk>), as thclient 4.x did with
//! requests-hawk: Taskcluster's `hawk` crate builds and checks MACs, with a cryptographer of ours
//! on the RustCrypto `hmac` and `sha2` crates and `getrandom` (so it works in browsers).
//! Timestamps come from the client's clock (JavaScript's in browsers), corrected by a per-server
//! offset learnt from the server's `WWW-Authenticate: Hawk ts, tsm` when it says our clock is off.

use std::fmt;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use hawk::crypto::{CryptoError, Cryptographer, Hasher, HmacKey};
use hawk::DigestAlgorithm;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256, Sha384, Sha512};

/// A Treeherder client id and its secret. `Debug` never shows the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    client_id: String,
    secret: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials").field("client_id", &self.client_id).field("secret", &"<redacted>").finish()
    }
}

impl Credentials {
    /// Checks that both are present and fit in a Hawk header.
    pub fn new(client_id: &str, secret: &str) -> Result<Self, String> {
        let client_id = client_id.trim();
        if client_id.is_empty() {
            return Err("the client id is empty".into());
        }
        if client_id.contains(['"', '\\']) || client_id.chars().any(char::is_control) {
            return Err("the client id may not contain quotes, backslashes or control characters".into());
        }
        if secret.is_empty() {
            return Err("the secret is empty".into());
        }
        Ok(Credentials { client_id: client_id.to_string(), secret: secret.to_string() })
    }

    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The secret, for callers that must store it (the explorer, when the user asks).
    pub fn expose_secret(&self) -> &str {
        &self.secret
    }

    fn hawk_credentials(&self) -> Result<hawk::Credentials, String> {
        install_cryptographer();
        let key = hawk::Key::new(self.secret.as_bytes(), DigestAlgorithm::Sha256).map_err(|e| e.to_string())?;
        Ok(hawk::Credentials { id: self.client_id.clone(), key })
    }
}

/// What identifies one signed request.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestToSign<'a> {
    pub method: &'a str,
    /// Lower-case host, as in the URL.
    pub host: &'a str,
    pub port: u16,
    /// Path and query, exactly as sent (`/api/project/try/jobs/?a=1`).
    pub resource: &'a str,
    /// Body and its content type, when there is one.
    pub payload: Option<(&'a [u8], &'a str)>,
    pub ext: Option<&'a str>,
}

/// A ready `Authorization` header and what went into it.
#[derive(Clone, Debug, PartialEq)]
pub struct Signature {
    pub authorization: String,
    pub ts: i64,
    pub nonce: String,
    pub payload_hash: Option<String>,
    pub mac: String,
}

/// Signs a request at `ts` with `nonce` (Hawk `header` MAC, SHA-256).
pub fn sign(credentials: &Credentials, request: &RequestToSign<'_>, ts: i64, nonce: &str) -> Result<Signature, String> {
    let hawk_credentials = credentials.hawk_credentials()?;
    let hash = request.payload.map(|(body, content_type)| payload_hash_bytes(content_type, body));
    let mut builder = hawk::RequestBuilder::new(request.method, request.host, request.port, request.resource);
    if let Some(hash) = &hash {
        builder = builder.hash(&hash[..]);
    }
    if let Some(ext) = request.ext {
        builder = builder.ext(ext);
    }
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(ts.max(0) as u64);
    let header = builder.request().make_header_full(&hawk_credentials, when, nonce).map_err(|e| e.to_string())?;
    let mac = header.mac.as_ref().map(|m| B64.encode(m.as_slice())).unwrap_or_default();
    Ok(Signature { authorization: format!("Hawk {header}"), ts, nonce: nonce.to_string(), payload_hash: hash.map(|h| B64.encode(h)), mac })
}

/// Hawk's payload hash: SHA-256 over `hawk.1.payload\n<content type>\n<body>\n`, with the
/// content type lower-cased and without parameters.
pub fn payload_hash(content_type: &str, body: &[u8]) -> String {
    B64.encode(payload_hash_bytes(content_type, body))
}

fn payload_hash_bytes(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let mut h = Sha256::new();
    h.update(b"hawk.1.payload\n");
    h.update(mime.as_bytes());
    h.update(b"\n");
    h.update(body);
    h.update(b"\n");
    h.finalize().to_vec()
}

/// The text a Hawk header MAC covers, line by line (shown by the explorer to explain a
/// signature; the `hawk` crate computes the same string internally).
pub fn normalized_string(request: &RequestToSign<'_>, ts: i64, nonce: &str, payload_hash: Option<&str>) -> String {
    let ext = request.ext.unwrap_or("").replace('\\', "\\\\").replace('\n', "\\n");
    format!(
        "hawk.1.header\n{ts}\n{nonce}\n{}\n{}\n{}\n{}\n{}\n{ext}\n",
        request.method.to_ascii_uppercase(),
        request.resource,
        request.host.to_ascii_lowercase(),
        request.port,
        payload_hash.unwrap_or("")
    )
}

/// `tsm`: the MAC a server puts beside its timestamp, `HMAC(secret, "hawk.1.ts\n<ts>\n")`.
pub fn timestamp_mac(secret: &str, ts: i64) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("HMAC accepts any key length");
    mac.update(format!("hawk.1.ts\n{ts}\n").as_bytes());
    B64.encode(mac.finalize().into_bytes())
}

/// Whether `tsm` proves that `ts` came from a server knowing our secret.
pub fn verify_timestamp_mac(secret: &str, ts: i64, tsm: &str) -> bool {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).expect("HMAC accepts any key length");
    mac.update(format!("hawk.1.ts\n{ts}\n").as_bytes());
    match B64.decode(tsm.trim()) {
        Ok(expected) => mac.verify_slice(&expected).is_ok(),
        Err(_) => false,
    }
}

/// A server's `WWW-Authenticate: Hawk ts="…", tsm="…", error="…"`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HawkChallenge {
    pub ts: Option<i64>,
    pub tsm: Option<String>,
    pub error: Option<String>,
}

/// Parses a `WWW-Authenticate` value; `None` when it is not a Hawk challenge.
pub fn parse_challenge(value: &str) -> Option<HawkChallenge> {
    let rest = value.trim().strip_prefix("Hawk")?;
    let mut challenge = HawkChallenge::default();
    let mut p = rest;
    while let Some(eq) = p.find('=') {
        let key = p[..eq].trim_matches(|c: char| c == ',' || c.is_whitespace());
        let after = p[eq + 1..].trim_start();
        let (value, tail) = if let Some(quoted) = after.strip_prefix('"') {
            let end = quoted.find('"')?;
            (&quoted[..end], &quoted[end + 1..])
        } else {
            let end = after.find(',').unwrap_or(after.len());
            (&after[..end], &after[end..])
        };
        match key {
            "ts" => challenge.ts = value.parse().ok(),
            "tsm" => challenge.tsm = Some(value.to_string()),
            "error" => challenge.error = Some(value.to_string()),
            _ => {}
        }
        p = tail;
    }
    Some(challenge)
}

/// A fresh random nonce (8 URL-safe characters).
pub fn random_nonce() -> String {
    let mut bytes = [0u8; 6];
    if getrandom::getrandom(&mut bytes).is_err() {
        // Without randomness a nonce may repeat; the timestamp still changes every second.
        bytes = (crate::clock::now_secs() * 1000.0).to_bits().to_le_bytes()[..6].try_into().unwrap_or([0; 6]);
    }
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Registers our cryptographer with the `hawk` crate (once; later calls do nothing).
pub fn install_cryptographer() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        let _ = hawk::crypto::set_cryptographer(&RustCrypto);
    });
}

struct RustCrypto;

fn unsupported(a: DigestAlgorithm) -> CryptoError {
    CryptoError::UnsupportedDigest(a)
}

impl Cryptographer for RustCrypto {
    fn rand_bytes(&self, output: &mut [u8]) -> Result<(), CryptoError> {
        getrandom::getrandom(output).map_err(|e| CryptoError::Other(anyhow::anyhow!("getrandom: {e}")))
    }

    fn new_key(&self, algorithm: DigestAlgorithm, key: &[u8]) -> Result<Box<dyn HmacKey>, CryptoError> {
        Ok(Box::new(RustKey { algorithm, key: key.to_vec() }))
    }

    fn new_hasher(&self, algorithm: DigestAlgorithm) -> Result<Box<dyn Hasher>, CryptoError> {
        Ok(Box::new(match algorithm {
            DigestAlgorithm::Sha256 => RustHasher::Sha256(Sha256::new()),
            DigestAlgorithm::Sha384 => RustHasher::Sha384(Sha384::new()),
            DigestAlgorithm::Sha512 => RustHasher::Sha512(Sha512::new()),
            #[allow(unreachable_patterns)]
            other => return Err(unsupported(other)),
        }))
    }

    fn constant_time_compare(&self, a: &[u8], b: &[u8]) -> bool {
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

struct RustKey {
    algorithm: DigestAlgorithm,
    key: Vec<u8>,
}

fn hmac_sign<M: Mac + hmac::digest::KeyInit>(key: &[u8], data: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let mut mac = <M as hmac::digest::KeyInit>::new_from_slice(key).map_err(|e| CryptoError::Other(anyhow::anyhow!("{e}")))?;
    mac.update(data);
    Ok(mac.finalize().into_bytes().to_vec())
}

impl HmacKey for RustKey {
    fn sign(&self, data: &[u8]) -> Result<Vec<u8>, CryptoError> {
        match self.algorithm {
            DigestAlgorithm::Sha256 => hmac_sign::<Hmac<Sha256>>(&self.key, data),
            DigestAlgorithm::Sha384 => hmac_sign::<Hmac<Sha384>>(&self.key, data),
            DigestAlgorithm::Sha512 => hmac_sign::<Hmac<Sha512>>(&self.key, data),
            #[allow(unreachable_patterns)]
            other => Err(unsupported(other)),
        }
    }
}

enum RustHasher {
    Sha256(Sha256),
    Sha384(Sha384),
    Sha512(Sha512),
}

impl Hasher for RustHasher {
    fn update(&mut self, data: &[u8]) -> Result<(), CryptoError> {
        match self {
            RustHasher::Sha256(h) => h.update(data),
            RustHasher::Sha384(h) => h.update(data),
            RustHasher::Sha512(h) => h.update(data),
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<Vec<u8>, CryptoError> {
        Ok(match self {
            RustHasher::Sha256(h) => h.finalize_reset().to_vec(),
            RustHasher::Sha384(h) => h.finalize_reset().to_vec(),
            RustHasher::Sha512(h) => h.finalize_reset().to_vec(),
        })
    }
}
