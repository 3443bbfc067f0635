/**
 * Buffers usable with O_DIRECT. Node's own allocations (Buffer.alloc, allocUnsafeSlow, cipher output) sit at
 * 16 mod 4096 behind glibc's chunk header, so the kernel refuses them with EINVAL. A WebAssembly.Memory is
 * mapped page-aligned by V8, which makes every slice at a 4 KiB multiple aligned too (stack.md §4).
 */

/** WebAssembly pages are 64 KiB; memories are allocated in whole pages. */
export const WASM_PAGE_BYTES = 65_536;

/** The alignment gomme relies on: a page, enough for every dma_alignment and logical sector size seen (≤ 4 KiB). */
export const DIRECT_IO_ALIGNMENT = 4096;

// The project compiles against lib ES2023 + @types/node, neither of which declares WebAssembly (it lives in
// lib.dom): type the one constructor used here locally instead of pulling DOM types into the whole project.
interface WasmMemoryDescriptor {
  initial: number;
  maximum?: number;
  shared?: boolean;
}
type WasmMemoryConstructor = new (descriptor: WasmMemoryDescriptor) => { readonly buffer: ArrayBufferLike };
const WasmMemory = (globalThis as unknown as { WebAssembly: { Memory: WasmMemoryConstructor } }).WebAssembly
  .Memory;

/** A 32-bit WebAssembly memory cannot exceed 65,536 pages (4 GiB); gomme's buffers are a few MiB. */
const MAX_WASM_PAGES = 65_536;

/**
 * A zero-filled Buffer of `sizeBytes` whose first byte is page-aligned. Each call maps its own memory, so
 * allocate once per job and reuse: the memory is released only when the Buffer is garbage-collected.
 * `shared` backs it with a SharedArrayBuffer (still aligned), for rings shared with worker threads.
 */
export function allocAligned(sizeBytes: number, options: { shared?: boolean } = {}): Buffer {
  if (!Number.isSafeInteger(sizeBytes) || sizeBytes <= 0) {
    throw new RangeError(`allocAligned: size must be a positive integer, got ${sizeBytes}`);
  }
  const pages = Math.ceil(sizeBytes / WASM_PAGE_BYTES);
  if (pages > MAX_WASM_PAGES) {
    throw new RangeError(`allocAligned: ${sizeBytes} bytes exceeds the 4 GiB WebAssembly memory limit`);
  }
  const shared = options.shared === true;
  // A shared memory must declare its maximum; fixing it to `initial` also documents that it never grows
  // (growing a non-shared memory would detach the Buffer's ArrayBuffer).
  const memory = new WasmMemory(shared ? { initial: pages, maximum: pages, shared } : { initial: pages });
  return Buffer.from(memory.buffer, 0, sizeBytes);
}

/** Cuts an aligned buffer into `count` equal slots, each starting at a multiple of DIRECT_IO_ALIGNMENT. */
export function alignedSlots(buffer: Buffer, slotBytes: number, count: number): Buffer[] {
  if (slotBytes % DIRECT_IO_ALIGNMENT !== 0) {
    throw new RangeError(`alignedSlots: slot size ${slotBytes} is not a multiple of ${DIRECT_IO_ALIGNMENT}`);
  }
  if (buffer.byteOffset % DIRECT_IO_ALIGNMENT !== 0 || slotBytes * count > buffer.length) {
    throw new RangeError('alignedSlots: buffer is too small or does not start at an aligned offset');
  }
  return Array.from({ length: count }, (_, i) => buffer.subarray(i * slotBytes, (i + 1) * slotBytes));
}
