/**
 * Just enough of the zip format for an xlsx package: read the central directory, inflate one part as a
 * stream, and write a new archive that copies untouched parts as their raw compressed bytes. Built on
 * node:zlib (native inflate/deflate and crc32) rather than a JavaScript zip library: copying a part
 * without recompressing it needs access to the raw entry, which the directory gives directly.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { createDeflateRaw, createInflateRaw, crc32, inflateRawSync } from 'node:zlib';
import { PackageError } from './errors.js';

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  time: number;
  date: number;
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const CHUNK = 1 << 20;

/** Bytes of a file (by descriptor) or of a buffer, read at an offset. */
interface Source {
  size: number;
  read(offset: number, length: number): Buffer;
  close(): void;
}

function fileSource(path: string): Source {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset, length) {
      const buf = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, buf, done, length - done, offset + done);
        if (n === 0) throw new PackageError('truncated');
        done += n;
      }
      return buf;
    },
    close: () => closeSync(fd),
  };
}

function bufferSource(data: Uint8Array): Source {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return {
    size: buf.length,
    read(offset, length) {
      if (offset + length > buf.length) throw new PackageError('truncated');
      return buf.subarray(offset, offset + length);
    },
    close() {},
  };
}

export class ZipReader {
  readonly entries: ZipEntry[] = [];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly source: Source;

  private constructor(source: Source) {
    this.source = source;
    this.readDirectory();
  }

  static open(source: string | Uint8Array): ZipReader {
    const s = typeof source === 'string' ? fileSource(source) : bufferSource(source);
    try {
      return new ZipReader(s);
    } catch (e) {
      s.close();
      throw e;
    }
  }

  close(): void {
    this.source.close();
  }

  private readDirectory(): void {
    const { size } = this.source;
    const tailLength = Math.min(size, 22 + 65535);
    if (tailLength < 22) throw new PackageError('notZip');
    const tail = this.source.read(size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIG) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new PackageError('notZip');
    let count = tail.readUInt16LE(eocd + 10);
    let dirSize = tail.readUInt32LE(eocd + 12);
    let dirOffset = tail.readUInt32LE(eocd + 16);
    if (eocd >= 20 && tail.readUInt32LE(eocd - 20) === EOCD64_LOCATOR_SIG) {
      const at = Number(tail.readBigUInt64LE(eocd - 12));
      const rec = this.source.read(at, 56);
      count = Number(rec.readBigUInt64LE(32));
      dirSize = Number(rec.readBigUInt64LE(40));
      dirOffset = Number(rec.readBigUInt64LE(48));
    }
    if (dirOffset + dirSize > size) throw new PackageError('notZip');
    const dir = this.source.read(dirOffset, dirSize);
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CEN_SIG) throw new PackageError('notZip');
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        flags: dir.readUInt16LE(p + 8),
        method: dir.readUInt16LE(p + 10),
        time: dir.readUInt16LE(p + 12),
        date: dir.readUInt16LE(p + 14),
        crc: dir.readUInt32LE(p + 16),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        localOffset: dir.readUInt32LE(p + 42),
        name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      };
      this.readZip64(entry, dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
      p += 46 + nameLength + extraLength + commentLength;
      if (entry.name.endsWith('/')) continue;
      this.entries.push(entry);
      // Part names are case-insensitive in OPC.
      this.byName.set(entry.name.toLowerCase(), entry);
    }
  }

  private readZip64(entry: ZipEntry, extra: Buffer): void {
    for (let q = 0; q + 4 <= extra.length;) {
      const id = extra.readUInt16LE(q);
      const len = extra.readUInt16LE(q + 2);
      if (id === 1) {
        let r = q + 4;
        const next = () => {
          const v = Number(extra.readBigUInt64LE(r));
          r += 8;
          return v;
        };
        if (entry.size === 0xffffffff) entry.size = next();
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
        if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      }
      q += 4 + len;
    }
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, '').toLowerCase());
  }

  /** Sum of the parts' declared uncompressed sizes, for the size guard before anything is inflated. */
  totalSize(): number {
    let total = 0;
    for (const e of this.entries) total += e.size;
    return total;
  }

  private dataOffset(entry: ZipEntry): number {
    const head = this.source.read(entry.localOffset, 30);
    if (head.readUInt32LE(0) !== LOC_SIG) throw new PackageError('notZip');
    return entry.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  }

  /** The entry's compressed bytes, in pieces, exactly as stored. */
  *raw(entry: ZipEntry): Generator<Buffer> {
    let offset = this.dataOffset(entry);
    let left = entry.compressedSize;
    while (left > 0) {
      const n = Math.min(left, CHUNK);
      yield this.source.read(offset, n);
      offset += n;
      left -= n;
    }
  }

  /** The whole part, inflated (small parts: workbook, rels, styles, comments). */
  read(entry: ZipEntry): Buffer {
    const raw = Buffer.concat([...this.raw(entry)]);
    if (entry.method === 0) return raw;
    if (entry.method !== 8) throw new PackageError('method');
    try {
      return inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
    } catch {
      throw new PackageError('corrupt');
    }
  }

  text(entry: ZipEntry): string {
    return this.read(entry).toString('utf8').replace(/^\uFEFF/, '');
  }

  /**
   * The part inflated as a stream, never more than the declared size (a lying directory cannot make
   * it expand past the guard that was checked against it).
   */
  async *stream(entry: ZipEntry): AsyncGenerator<Buffer> {
    if (entry.method === 0) {
      yield* this.raw(entry);
      return;
    }
    if (entry.method !== 8) throw new PackageError('method');
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    const pieces = this.raw(entry);
    let produced = 0;
    const feed = async () => {
      for (const piece of pieces) {
        if (inflate.destroyed) return;
        // A reader that stops early destroys the stream: 'close' then ends the wait that 'drain' would.
        if (!inflate.write(piece)) await drainOrClose(inflate);
      }
      if (!inflate.destroyed) inflate.end();
    };
    const feeding = feed().catch((e) => inflate.destroy(e as Error));
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        produced += chunk.length;
        if (produced > entry.size) throw new PackageError('corrupt');
        yield chunk;
      }
    } catch (e) {
      if (e instanceof PackageError) throw e;
      throw new PackageError('corrupt');
    } finally {
      inflate.destroy();
      await feeding;
    }
  }
}

/** Resolves when a writable can take more, or is gone; leaves no listener behind either way. */
function drainOrClose(stream: NodeJS.WritableStream & NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

function dosTime(d = new Date()): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A zip written to a file descriptor: parts copied raw or deflated, headers patched in place. */
export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private count = 0;
  private readonly stamp = dosTime();

  constructor(private readonly fd: number) {}

  private write(buf: Buffer): void {
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, this.offset + done);
    this.offset += buf.length;
  }

  private header(entry: ZipEntry): Buffer {
    const name = Buffer.from(entry.name, 'utf8');
    const h = Buffer.alloc(30 + name.length);
    h.writeUInt32LE(LOC_SIG, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(entry.flags, 6);
    h.writeUInt16LE(entry.method, 8);
    h.writeUInt16LE(entry.time, 10);
    h.writeUInt16LE(entry.date, 12);
    h.writeUInt32LE(entry.crc >>> 0, 14);
    h.writeUInt32LE(entry.compressedSize, 18);
    h.writeUInt32LE(entry.size, 22);
    h.writeUInt16LE(name.length, 26);
    name.copy(h, 30);
    return h;
  }

  private record(entry: ZipEntry): void {
    if (entry.size > 0xfffffffe || entry.compressedSize > 0xfffffffe || entry.localOffset > 0xfffffffe) throw new PackageError('tooLarge');
    const name = Buffer.from(entry.name, 'utf8');
    const c = Buffer.alloc(46 + name.length);
    c.writeUInt32LE(CEN_SIG, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(entry.flags, 8);
    c.writeUInt16LE(entry.method, 10);
    c.writeUInt16LE(entry.time, 12);
    c.writeUInt16LE(entry.date, 14);
    c.writeUInt32LE(entry.crc >>> 0, 16);
    c.writeUInt32LE(entry.compressedSize, 20);
    c.writeUInt32LE(entry.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(entry.localOffset, 42);
    name.copy(c, 46);
    this.central.push(c);
    this.count++;
  }

  /** An untouched part: its compressed bytes copied as they are, crc and sizes from the directory. */
  copy(from: ZipReader, entry: ZipEntry): void {
    // Bit 3 (sizes in a trailing descriptor) is dropped: the sizes are known and go in the header.
    const out: ZipEntry = { ...entry, flags: entry.flags & 0x0800, localOffset: this.offset };
    this.write(this.header(out));
    for (const piece of from.raw(entry)) this.write(piece);
    this.record(out);
  }

  /** A new or rewritten part, deflated as it is produced. */
  async add(name: string, content: Iterable<string | Buffer> | AsyncIterable<string | Buffer>, level = 3): Promise<void> {
    const entry: ZipEntry = { name, method: 8, flags: 0x0800, crc: 0, compressedSize: 0, size: 0, localOffset: this.offset, ...this.stamp };
    const headerAt = this.offset;
    this.write(this.header(entry));
    const deflate = createDeflateRaw({ level, chunkSize: 256 * 1024 });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    // A failed write (disk full, EFBIG under a file-size limit) stops the deflater and is rethrown below,
    // never left as an unhandled rejection that would end the process before the caller cleans up.
    let failure: unknown = null;
    const drained = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        compressed += chunk.length;
        this.write(chunk);
      }
    })().catch((e: unknown) => {
      failure = e;
      deflate.destroy();
    });
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const buf = pending.length === 1 ? pending[0] : Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      if (failure) throw failure;
      crc = crc32(buf, crc);
      size += buf.length;
      if (!deflate.write(buf)) await drainOrClose(deflate);
      if (failure) throw failure;
    };
    for await (const piece of content as AsyncIterable<string | Buffer>) {
      const buf = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= CHUNK) await flush();
    }
    await flush();
    deflate.end();
    await drained;
    if (failure) throw failure;
    entry.crc = crc;
    entry.size = size;
    entry.compressedSize = compressed;
    const end = this.offset;
    this.offset = headerAt;
    this.write(this.header(entry));
    this.offset = end;
    this.record(entry);
  }

  finish(): void {
    const start = this.offset;
    for (const c of this.central) this.write(c);
    const e = Buffer.alloc(22);
    e.writeUInt32LE(EOCD_SIG, 0);
    e.writeUInt16LE(this.count, 8);
    e.writeUInt16LE(this.count, 10);
    e.writeUInt32LE(this.offset - start, 12);
    e.writeUInt32LE(start, 16);
    this.write(e);
  }
}
