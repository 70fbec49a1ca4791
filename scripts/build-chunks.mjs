// Builds the chunks Trunk does not (it builds one binary per page): for each, the same steps as
// Trunk's Rust pipeline with the same tools and settings — cargo for wasm32 (Trunk's profile,
// offline), wasm-bindgen --target=web, and in release wasm-opt -Oz (index.html's data-wasm-opt)
// — then content-hashed names in dist/. All chunks go to one cargo call, so they link in parallel.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const hash = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);

export function buildChunks(names, dist, release) {
  if (names.length === 0) return {};
  const args = ['build', '--target=wasm32-unknown-unknown', '--offline', ...(release ? ['--release'] : [])];
  for (const name of names) args.push('--bin', name);
  console.log(`build-chunks: cargo ${args.join(' ')}`);
  run('cargo', args);
  const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version=1', '--no-deps', '--offline'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const built = path.join(metadata.target_directory, 'wasm32-unknown-unknown', release ? 'release' : 'debug');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chunks-'));
  const out = {};
  for (const name of names) {
    run('wasm-bindgen', ['--target=web', `--out-dir=${work}`, `--out-name=${name}`, '--no-typescript', path.join(built, `${name}.wasm`)]);
    let wasmPath = path.join(work, `${name}_bg.wasm`);
    if (release) {
      const optimized = path.join(work, `${name}_opt.wasm`);
      run('wasm-opt', [`--output=${optimized}`, '-Oz', wasmPath]);
      wasmPath = optimized;
    }
    const wasm = fs.readFileSync(wasmPath);
    const js = fs.readFileSync(path.join(work, `${name}.js`));
    const base = `${name}-${hash(Buffer.concat([js, wasm]))}`;
    fs.writeFileSync(path.join(dist, `${base}.js`), js);
    fs.writeFileSync(path.join(dist, `${base}_bg.wasm`), wasm);
    out[name] = { js: `${base}.js`, wasm: `${base}_bg.wasm` };
  }
  fs.rmSync(work, { recursive: true, force: true });
  return out;
}
