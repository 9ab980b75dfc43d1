/**
 * XML of xlsx parts, parsed with saxes (the parser exceljs uses too) from byte chunks. Bytes
 * become text with a streaming `TextDecoder`, so a character split between two chunks is decoded
 * whole, and invalid UTF-8 is an error rather than a silent U+FFFD. Element names are compared
 * without their namespace prefix (`x:c` is `c`), so workbooks written with a prefixed main
 * namespace read like any other.
 */
import { SaxesParser } from 'saxes';
import type { XmlFault } from '../i18n/en/xlsx.js';

/**
 * A fault in a part's bytes or XML (turned into a located `bad-xlsx` error by the caller, which
 * words it from `fault` and `detail`, the XML parser's own words).
 */
export class XmlPartError extends Error {
  constructor(
    readonly fault: XmlFault,
    readonly detail?: string,
  ) {
    super(detail === undefined ? fault : `${fault}: ${detail}`);
    this.name = 'XmlPartError';
  }
}

/** Element name without its namespace prefix. */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** An attribute by its local name (`r:id` → `id` with a prefix; plain names as they are). */
export function prefixedAttr(attrs: Record<string, string>, local: string): string | undefined {
  for (const k in attrs) {
    const i = k.indexOf(':');
    if (i > 0 && k.slice(i + 1) === local && k.slice(0, i) !== 'xmlns') return attrs[k];
  }
  return undefined;
}

/** What a part's parser does with its events (names are local names). */
export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** Decodes byte chunks to text: UTF-8 (BOM skipped), or UTF-16 when the part starts with its BOM. */
export class ChunkDecoder {
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  /** Bytes decoded so far. */
  bytes = 0;

  /** Text of the next chunk (may be '' while a multi-byte character is incomplete). */
  decode(chunk: Uint8Array): string {
    if (!this.decoder) {
      const le = chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe;
      const be = chunk.length >= 2 && chunk[0] === 0xfe && chunk[1] === 0xff;
      this.decoder = new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8', { fatal: true });
    }
    this.bytes += chunk.length;
    try {
      return this.decoder.decode(chunk, { stream: true });
    } catch {
      throw new XmlPartError('not-utf-8');
    }
  }

  /** Text left at the end (an incomplete character is an error). */
  end(): string {
    if (!this.decoder) return '';
    try {
      return this.decoder.decode();
    } catch {
      throw new XmlPartError('cut-character');
    }
  }
}

/** A streaming XML parser feeding {@link XmlHandlers}; saxes errors become {@link XmlPartError}. */
export class XmlStream {
  private readonly parser: SaxesParser;
  private readonly decoder = new ChunkDecoder();

  constructor(h: XmlHandlers) {
    const parser = new SaxesParser({ position: false });
    parser.on('opentag', (tag) => h.open(localName(tag.name), tag.attributes as Record<string, string>));
    parser.on('closetag', (tag) => h.close(localName(tag.name)));
    parser.on('text', (t) => h.text(t));
    parser.on('cdata', (t) => h.text(t));
    // saxes reports malformed XML here; errors thrown by the handlers pass through unchanged.
    parser.on('error', (e) => {
      throw new XmlPartError('malformed', e.message);
    });
    this.parser = parser;
  }

  /** Bytes of XML taken so far. */
  get bytes(): number {
    return this.decoder.bytes;
  }

  /** Parses the next chunk of bytes. */
  write(chunk: Uint8Array): void {
    const text = this.decoder.decode(chunk);
    if (text) this.parser.write(text);
  }

  /** Ends the document (an unclosed element is an error). */
  end(): void {
    const rest = this.decoder.end();
    if (rest) this.parser.write(rest);
    this.parser.close();
  }
}

/** Parses a whole part (a few chunks) with `h`. */
export function parseXmlChunks(chunks: Iterable<Uint8Array>, h: XmlHandlers): void {
  const xml = new XmlStream(h);
  for (const c of chunks) xml.write(c);
  xml.end();
}
