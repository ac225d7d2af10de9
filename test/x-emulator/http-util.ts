// Small HTTP helpers for the emulator: bounded body reading, a multipart/form-data parser that
// works on Buffers (fast enough for 1 GiB of 4 MiB chunks), and X's two error shapes.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  readonly status: number;
  readonly title: string;
  readonly v1Code: number;
  readonly problemType: string;
  constructor(status: number, title: string, detail: string, v1Code = 0, problemType?: string) {
    super(detail);
    this.status = status;
    this.title = title;
    this.v1Code = v1Code;
    this.problemType =
      problemType ??
      (status === 404
        ? 'https://api.x.com/2/problems/resource-not-found'
        : status === 400
          ? 'https://api.x.com/2/problems/invalid-request'
          : 'about:blank');
  }
}

export const badRequest = (detail: string, v1Code = 324): HttpError =>
  new HttpError(400, 'Invalid Request', detail, v1Code);
export const notFound = (detail: string): HttpError => new HttpError(404, 'Not Found Error', detail, 325);

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit)
      throw new HttpError(413, 'Payload Too Large', `Request body exceeds ${limit} bytes.`, 324);
    chunks.push(b);
  }
  return chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size);
}

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw badRequest('multipart/form-data without a boundary.');
  const delim = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delim);
  if (pos < 0) throw badRequest('Malformed multipart body.');
  for (;;) {
    pos += delim.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing --
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw badRequest('Malformed multipart part headers.');
    const headers = body.subarray(pos, headerEnd).toString('utf8');
    const next = body.indexOf(delim, headerEnd + 4);
    if (next < 0) throw badRequest('Unterminated multipart body.');
    const data = body.subarray(headerEnd + 4, next - 2); // minus CRLF before the delimiter
    const disp = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers);
    const name = disp?.[1] ? /\bname="([^"]*)"/i.exec(disp[1])?.[1] : undefined;
    if (name === undefined) throw badRequest('Multipart part without a name.');
    const filename = disp?.[1] ? /\bfilename="([^"]*)"/i.exec(disp[1])?.[1] : undefined;
    const ct = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1];
    parts.push({
      name,
      data,
      ...(filename !== undefined ? { filename } : {}),
      ...(ct ? { contentType: ct } : {}),
    });
    pos = next;
  }
  return parts;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, raw?: string): void {
  const text = raw ?? JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'content-length': 0 });
  res.end();
}

/** v2 errors are RFC 7807 problem details. */
export function sendProblem(res: ServerResponse, err: HttpError): void {
  const body = { title: err.title, detail: err.message, type: err.problemType, status: err.status };
  const text = JSON.stringify(body);
  res.writeHead(err.status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** v1.1 errors: {"errors":[{"code","message"}]}. */
export function sendV1Error(res: ServerResponse, err: HttpError): void {
  sendJson(res, err.status, { errors: [{ code: err.v1Code, message: err.message }] });
}
