//! The ten official Hawk test vectors (mozilla/hawk test/readme.js, client.js, server.js), the
//! SHA-256 ones through the `hawk` crate as the client signs, the SHA-1 ones (which the crate
//! does not offer) through our normalized string and HMAC-SHA1.
#![cfg(not(target_arch = "wasm32"))]

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use hmac::{Hmac, Mac};
use treeherder_client::auth::{self, normalized_string, payload_hash, timestamp_mac, Credentials, RequestToSign};

const KEY1: &str = "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn";
const KEY2: &str = "2983d45yun89q";

fn sha256_mac(id: &str, key: &str, request: &RequestToSign, ts: i64, nonce: &str) -> (String, Option<String>) {
    let signature = auth::sign(&Credentials::new(id, key).unwrap(), request, ts, nonce).unwrap();
    // The header the crate produced carries the same MAC.
    assert!(signature.authorization.starts_with(&format!("Hawk id=\"{id}\", ts=\"{ts}\", nonce=\"{nonce}\", mac=\"")));
    (signature.mac, signature.payload_hash)
}

fn sha1_hmac(key: &str, text: &str) -> String {
    let mut mac = <Hmac<sha1::Sha1> as Mac>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(text.as_bytes());
    B64.encode(mac.finalize().into_bytes())
}

fn sha1_payload_hash(content_type: &str, payload: &str) -> String {
    use sha1::Digest;
    let mut h = sha1::Sha1::new();
    h.update(format!("hawk.1.payload\n{content_type}\n{payload}\n"));
    B64.encode(h.finalize())
}

fn req<'a>(
    method: &'a str,
    host: &'a str,
    port: u16,
    resource: &'a str,
    payload: Option<(&'a [u8], &'a str)>,
    ext: Option<&'a str>,
) -> RequestToSign<'a> {
    RequestToSign { method, host, port, resource, payload, ext }
}

#[test]
fn vector_1_get_with_ext() {
    let r = req("GET", "example.com", 8000, "/resource/1?b=1&a=2", None, Some("some-app-ext-data"));
    assert_eq!(
        normalized_string(&r, 1353832234, "j4h3g2", None),
        "hawk.1.header\n1353832234\nj4h3g2\nGET\n/resource/1?b=1&a=2\nexample.com\n8000\n\nsome-app-ext-data\n"
    );
    assert_eq!(sha256_mac("dh37fgj492je", KEY1, &r, 1353832234, "j4h3g2").0, "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE=");
}

#[test]
fn vector_2_post_with_payload() {
    let body = b"Thank you for flying Hawk";
    let r = req("POST", "example.com", 8000, "/resource/1?b=1&a=2", Some((body, "text/plain")), Some("some-app-ext-data"));
    let (mac, hash) = sha256_mac("dh37fgj492je", KEY1, &r, 1353832234, "j4h3g2");
    assert_eq!(hash.as_deref(), Some("Yi9LfIIFRtBEPt74PVmbTF/xVAwPn7ub15ePICfgnuY="));
    assert_eq!(mac, "aSe1DERmZuRl3pI36/9BdZmnErTw3sNzOOAUlfeKjVw=");
}

#[test]
fn vector_3_get_other_ext() {
    let r = req("GET", "example.com", 8000, "/resource/1?b=1&a=2", None, Some("some-app-data"));
    assert_eq!(sha256_mac("dh37fgj492je", KEY1, &r, 1353832234, "j4h3g2").0, "m8r1rHbXN6NgO+KIIhjO7sFRyd78RNGVUwehe8Cp2dU=");
}

#[test]
fn vector_4_sha1_get() {
    let r = req("GET", "example.com", 8080, "/resource/4?filter=a", None, Some("hello"));
    assert_eq!(sha1_hmac(KEY1, &normalized_string(&r, 1353788437, "k3j4h2", None)), "zy79QQ5/EYFmQqutVnYb73gAc/U=");
}

#[test]
fn vector_5_post_with_given_hash() {
    install();
    let hash = B64.decode("qAiXIVv+yjDATneWxZP2YCTa9aHRgQdnH9b3Wc+o3dg=").unwrap();
    let key = hawk::Key::new(KEY1.as_bytes(), hawk::SHA256).unwrap();
    let credentials = hawk::Credentials { id: "123456".into(), key };
    let header = hawk::RequestBuilder::new("POST", "example.com", 8080, "/resource/4?filter=a")
        .hash(&hash[..])
        .ext("some-app-data")
        .request()
        .make_header_full(&credentials, ts(1357926341), "1AwuJD")
        .unwrap();
    assert_eq!(B64.encode(header.mac.unwrap().as_slice()), "UeYcj5UoTVaAWXNvJfLVia7kU3VabxCqrccXP8sUGC4=");
}

#[test]
fn vector_6_sha1_post_port_80_no_content_type() {
    let payload = "something to write about";
    let hash = sha1_payload_hash("", payload);
    assert_eq!(hash, "bsvY3IfUllw6V5rvk4tStEvpBhE=");
    let r = req("POST", "example.net", 80, "/somewhere/over/the/rainbow", None, Some("Bazinga!"));
    assert_eq!(sha1_hmac(KEY2, &normalized_string(&r, 1353809207, "Ygvqdz", Some(&hash))), "qbf1ZPG/r/e06F4ht+T77LXi5vw=");
}

#[test]
fn vector_7_sha256_post_port_443() {
    let body = b"something to write about";
    let r = req("POST", "example.net", 443, "/somewhere/over/the/rainbow", Some((body, "text/plain")), Some("Bazinga!"));
    let (mac, hash) = sha256_mac("123456", KEY2, &r, 1353809207, "Ygvqdz");
    assert_eq!(hash.as_deref(), Some("2QfCt3GuY9HQnHWyWD3wX68ZOKbynqlfYmuO2ZBRqtY="));
    assert_eq!(mac, "q1CwFoSHzPZSkbIvl0oYlD+91rBUEvFk763nMjMndj8=");
}

#[test]
fn vector_8_no_ext() {
    let body = b"something to write about";
    let r = req("POST", "example.net", 443, "/somewhere/over/the/rainbow", Some((body, "text/plain")), None);
    assert_eq!(sha256_mac("123456", KEY2, &r, 1353809207, "Ygvqdz").0, "HTgtd0jPI6E4izx8e4OHdO36q00xFCU0FolNq3RiCYs=");
}

#[test]
fn vector_9_empty_payload() {
    let r = req("POST", "example.net", 443, "/somewhere/over/the/rainbow", Some((b"", "text/plain")), None);
    let (mac, hash) = sha256_mac("123456", KEY2, &r, 1353809207, "Ygvqdz");
    assert_eq!(hash.as_deref(), Some("q/t+NNAkQZNlq/aAD6PlexImwQTxwgT2MahfTa9XRLA="));
    assert_eq!(mac, "U5k16YEzn3UnBHKeBzsDXn067Gu3R4YaY6xOt9PYRZM=");
}

#[test]
fn vector_10_response_mac() {
    install();
    let key = hawk::Key::new(KEY1.as_bytes(), hawk::SHA256).unwrap();
    let credentials = hawk::Credentials { id: "123456".into(), key };
    let request = hawk::RequestBuilder::new("POST", "example.com", 8080, "/resource/4?filter=a").request();
    let request_header = request.make_header_full(&credentials, ts(1453070933), "3hOHpR").unwrap();
    let reply_hash = payload_hash("text/plain", b"some reply");
    assert_eq!(reply_hash, "f9cDF/TDm7TkYRLnGwRMfeDzT6LixQVLvrIKhh0vgmM=");
    let raw = B64.decode(&reply_hash).unwrap();
    let response = request.make_response_builder(&request_header).hash(&raw[..]).ext("response-specific").response();
    let header = response.make_header(&credentials.key).unwrap();
    assert_eq!(B64.encode(header.mac.unwrap().as_slice()), "odsVGUq0rCoITaiNagW22REIpqkwP9zt5FyqqOW9Zj8=");
}

#[test]
fn server_timestamp_mac_verifies() {
    assert_eq!(timestamp_mac(KEY1, 1353832234), "2mw1eh/qXzl0wJZ/E6XvBhRMEJN7L3j8AyMA8eItEb0=");
    assert!(auth::verify_timestamp_mac(KEY1, 1353832234, "2mw1eh/qXzl0wJZ/E6XvBhRMEJN7L3j8AyMA8eItEb0="));
    assert!(!auth::verify_timestamp_mac(KEY2, 1353832234, "2mw1eh/qXzl0wJZ/E6XvBhRMEJN7L3j8AyMA8eItEb0="));
    let challenge =
        auth::parse_challenge(r#"Hawk ts="1353832234", tsm="2mw1eh/qXzl0wJZ/E6XvBhRMEJN7L3j8AyMA8eItEb0=", error="Stale timestamp""#)
            .unwrap();
    assert_eq!(challenge.ts, Some(1353832234));
    assert_eq!(challenge.error.as_deref(), Some("Stale timestamp"));
}

#[test]
fn credentials_never_show_their_secret() {
    let c = Credentials::new("id", "s3cr3t-value").unwrap();
    assert!(!format!("{c:?}").contains("s3cr3t"));
    assert!(Credentials::new("", "x").is_err());
    assert!(Credentials::new("a\"b", "x").is_err());
    assert!(Credentials::new("a", "").is_err());
}

fn install() {
    auth::install_cryptographer();
}

fn ts(secs: u64) -> std::time::SystemTime {
    std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs)
}
