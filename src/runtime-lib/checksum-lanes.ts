// The loop of checksum128 (hash128.ts) as a 200-byte WebAssembly function. Cache files are
// checked at every start, half a megabyte of them for the runtime's own code: in V8's
// interpreter, where the first call of a JavaScript loop runs, that took about 10 ms; the
// WebAssembly function is compiled ahead (V8's baseline compiler, microseconds for this
// size) and runs the same words at machine speed.
//
// The module, as text (what the bytes below encode):
//   (module
//     (memory (export "memory") 1)
//     (func (export "lanes") (param $p i32) (param $end i32)
//       (local $a i32) (local $b i32) (local $c i32) (local $d i32)
//       ;; the lanes start from memory[0..16) and are written back there
//       a = load 0; b = load 4; c = load 8; d = load 12
//       (loop: while p < end:
//          a = (a ^ load p) * 0x01000193;  b = (b ^ load p+4) * 0x5bd1e995
//          c = (c ^ load p+8) * 0x239b961b; d = (d ^ load p+12) * 0x38b34ae5
//          p += 16)
//       store a, b, c, d at 0, 4, 8, 12))
const WASM =
  "0061736d0100000001060160027f7f00030201000503010001071202066d656d6f72790200056c616e6573" +
  "00000a980101950101047f410028020021024104280200210341082802002104410c280200210502400340" +
  "200020014f0d01200220002802007341938380086c210220032000280204734195d3c7de056c2103200420" +
  "0028020873419bacee9c026c21042005200028020c7341e595cdc5036c2105200041106a21000c000b0b41" +
  "0020023602004104200336020041082004360200410c20053602000b";

interface Lanes {
  memory: WebAssembly.Memory;
  lanes(p: number, end: number): void;
}

let module: Lanes | null | undefined;

function instance(): Lanes | null {
  if (module === undefined) {
    try {
      const bytes = Buffer.from(WASM, "hex");
      module = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Lanes;
    } catch {
      // (no WebAssembly here, e.g. V8 started with --jitless: the caller's loop does it)
      module = null;
    }
  }
  return module;
}

/** Runs the four multiply-xor lanes, starting from `init`, over the whole 16-byte blocks of
 *  `data`; returns them, or null when WebAssembly is not available. */
export function wasmLanes(data: Uint8Array, init: readonly number[]): Int32Array | null {
  const m = instance();
  if (m === null) return null;
  const body = (data.length >>> 4) * 16;
  const need = 16 + body;
  const have = m.memory.buffer.byteLength;
  if (need > have) m.memory.grow(Math.ceil((need - have) / 65536));
  new Uint8Array(m.memory.buffer).set(data.subarray(0, body), 16);
  const out = new Int32Array(m.memory.buffer, 0, 4);
  out.set(init);
  m.lanes(16, need);
  return out;
}
