//! 200 random requests signed by this client and by the reference implementation (npm `hawk`
//! 9.0.2, run with node): identical MACs and payload hashes.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};
use treeherder_client::auth::{sign, Credentials, RequestToSign};

struct Spec {
    method: &'static str,
    scheme: &'static str,
    host: String,
    port: u16,
    resource: String,
    payload: Option<String>,
    content_type: &'static str,
    ext: Option<String>,
    id: String,
    key: String,
    ts: i64,
    nonce: String,
}

fn word(rng: &mut fastrand::Rng, alphabet: &[u8], len: std::ops::Range<usize>) -> String {
    let n = rng.usize(len);
    (0..n).map(|_| alphabet[rng.usize(0..alphabet.len())] as char).collect()
}

fn random_spec(rng: &mut fastrand::Rng) -> Spec {
    const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const PATH: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-_.~";
    const TEXT: &[u8] = b"abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789{}[]\":,.-_/!?'\n\t";
    let method = ["GET", "POST", "PUT", "DELETE", "PATCH"][rng.usize(0..5)];
    let scheme = if rng.bool() { "https" } else { "http" };
    let host = ["example.com", "treeherder.mozilla.org", "127.0.0.1", "localhost", "th.example.net"][rng.usize(0..5)].to_string();
    let port = match rng.u8(0..4) {
        0 => {
            if scheme == "https" {
                443
            } else {
                80
            }
        }
        _ => rng.u16(1024..65535),
    };
    let segments: Vec<String> = (0..rng.usize(1..5)).map(|_| word(rng, PATH, 1..12)).collect();
    let mut resource = format!("/{}/", segments.join("/"));
    if rng.bool() {
        let pairs: Vec<String> = (0..rng.usize(1..4)).map(|_| format!("{}={}", word(rng, ALNUM, 1..8), word(rng, ALNUM, 0..10))).collect();
        resource.push('?');
        resource.push_str(&pairs.join("&"));
    }
    let payload = (method != "GET" && rng.u8(0..4) > 0).then(|| word(rng, TEXT, 0..200));
    let content_type = ["application/json", "text/plain", "application/json; charset=utf-8", "Text/Plain"][rng.usize(0..4)];
    let ext = rng.bool().then(|| word(rng, ALNUM, 1..20));
    Spec {
        method,
        scheme,
        host,
        port,
        resource,
        payload,
        content_type,
        ext,
        id: word(rng, ALNUM, 3..20),
        key: word(rng, ALNUM, 8..48),
        ts: rng.i64(1_000_000_000..2_000_000_000),
        nonce: word(rng, ALNUM, 4..12),
    }
}

#[test]
fn macs_and_payload_hashes_match_the_reference_implementation() {
    let mut rng = fastrand::Rng::with_seed(20261127);
    let specs: Vec<Spec> = (0..200).map(|_| random_spec(&mut rng)).collect();
    let input: Vec<Value> = specs
        .iter()
        .map(|s| {
            json!({
                "method": s.method,
                "url": format!("{}://{}:{}{}", s.scheme, s.host, s.port, s.resource),
                "payload": s.payload, "content_type": s.content_type, "ext": s.ext,
                "id": s.id, "key": s.key, "ts": s.ts, "nonce": s.nonce,
            })
        })
        .collect();

    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/npm_hawk.mjs");
    let mut child = Command::new("node")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node must be installed (scripts/setup.sh checks it)");
    child.stdin.take().unwrap().write_all(serde_json::to_string(&input).unwrap().as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "the reference implementation failed (is npm's hawk installed? run scripts/setup.sh): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reference: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(reference.len(), 200);

    let mut with_payload = 0;
    for (s, expected) in specs.iter().zip(&reference) {
        let credentials = Credentials::new(&s.id, &s.key).unwrap();
        let request = RequestToSign {
            method: s.method,
            host: &s.host,
            port: s.port,
            resource: &s.resource,
            payload: s.payload.as_deref().map(|p| (p.as_bytes(), s.content_type)),
            ext: s.ext.as_deref(),
        };
        let ours = sign(&credentials, &request, s.ts, &s.nonce).unwrap();
        assert_eq!(ours.mac, expected["mac"].as_str().unwrap(), "MAC of {} {}{}", s.method, s.host, s.resource);
        assert_eq!(ours.payload_hash.as_deref(), expected["hash"].as_str(), "payload hash of {}", s.resource);
        with_payload += s.payload.is_some() as usize;
    }
    assert!(with_payload > 50, "the sample covers payloads ({with_payload} of 200)");
}
