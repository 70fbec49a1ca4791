// Reads request specs (JSON array) on stdin and prints, for each, the MAC and payload hash that
// the reference implementation (npm `hawk`, mozilla/hawk) computes.
import Hawk from 'hawk';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = JSON.parse(input).map((s) => {
  const options = {
    credentials: { id: s.id, key: s.key, algorithm: 'sha256' },
    timestamp: s.ts,
    nonce: s.nonce,
  };
  if (s.ext !== null) options.ext = s.ext;
  if (s.payload !== null) { options.payload = s.payload; options.contentType = s.content_type; }
  const { header, artifacts } = Hawk.client.header(s.url, s.method, options);
  const mac = header.match(/mac="([^"]+)"/);
  return { mac: mac ? mac[1] : null, hash: artifacts.hash ?? null };
});
process.stdout.write(JSON.stringify(out));
