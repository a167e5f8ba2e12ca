import { AppError } from "@/lib/errors";

/** The largest CSV file the web upload accepts. */
export const MAX_UPLOAD_BYTES = 100_000_000;

/**
 * The page streams a file as a raw text/csv body; scripts may send a multipart form. text/csv,
 * unlike text/plain, is no type a foreign page can send without a CORS preflight.
 */
export const UPLOAD_BODY_TYPES = { bodyTypes: ["text/csv", "multipart/form-data"] } as const;

// Room for a multipart body's boundaries and part headers beside the file itself.
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** An uploaded CSV file, still streaming, with the form or query fields sent beside it. */
export type CsvUpload = {
  stream: ReadableStream<Uint8Array>;
  /** The file name the browser sent; names the table unless a table name is given. */
  name: string;
  fields: Record<string, string>;
};

// What browsers and HTTP clients call a CSV file: Windows labels .csv files as Excel's.
const CSV_MEDIA_TYPES = new Set(["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"]);

const mediaTypeOf = (contentType: string | null) => (contentType ?? "").split(";")[0].trim().toLowerCase();

const notCsv = (what: string) =>
  new AppError(
    "unsupported_media_type",
    `${what} is not a CSV file: send a CSV file as multipart/form-data (a \`file\` field), or the file itself as the body with Content-Type: text/csv.`,
  );

/** The 413 error for a file over `maxBytes`. */
export const uploadTooLarge = (maxBytes: number) =>
  new AppError(
    "payload_too_large",
    `The file is larger than ${Math.round(maxBytes / 1e6)} MB, the most an upload may be.`,
  );

// Counts bytes as they arrive, so a form without Content-Length (or with a wrong one) still
// stops at the limit instead of filling memory.
async function readLimitedForm(
  request: Request,
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<FormData> {
  let bytes = 0;
  let exceeded = false;
  const limited = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes <= maxBytes + FORM_OVERHEAD_BYTES) return controller.enqueue(chunk);
        exceeded = true;
        controller.error(uploadTooLarge(maxBytes));
      },
    }),
  );
  try {
    return await new Response(limited, {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    throw exceeded
      ? uploadTooLarge(maxBytes)
      : new AppError("bad_request", "The upload is not a readable multipart form.");
  }
}

/**
 * Reads a CSV upload from either a multipart form (`file`, plus fields such as `table` and
 * `replace`) or a raw body (the file `name` and the fields in the query string). A raw body is
 * handed on as it arrives, for the importer to cap; a form is parsed whole first, within
 * `maxBytes`. A Content-Length over the limit is refused before anything is read.
 */
export async function readCsvUpload(request: Request, maxBytes = MAX_UPLOAD_BYTES): Promise<CsvUpload> {
  const mediaType = mediaTypeOf(request.headers.get("content-type"));
  const isForm = mediaType === "multipart/form-data";
  if (!isForm && !CSV_MEDIA_TYPES.has(mediaType))
    throw notCsv(mediaType ? `A body of type ${mediaType}` : "A body without a Content-Type");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBytes + (isForm ? FORM_OVERHEAD_BYTES : 0)) throw uploadTooLarge(maxBytes);
  if (!request.body || (length === 0 && request.headers.has("content-length"))) {
    throw new AppError(
      "bad_request",
      "Send a CSV file: a multipart form with a `file` field, or the file itself as the request body.",
    );
  }
  if (!isForm) {
    const { name = "upload.csv", ...fields } = Object.fromEntries(new URL(request.url).searchParams);
    return { stream: request.body, name, fields };
  }
  const form = await readLimitedForm(request, request.body, maxBytes);
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("bad_request", "The form has no `file` field with a CSV file in it.");
  // Browsers send an empty or generic type for extensions they do not know.
  const fileType = mediaTypeOf(file.type);
  if (fileType && fileType !== "application/octet-stream" && !CSV_MEDIA_TYPES.has(fileType))
    throw notCsv(`The uploaded file (${fileType})`);
  if (file.size > maxBytes) throw uploadTooLarge(maxBytes);
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") fields[key] = value;
  return { stream: file.stream(), name: file.name || "upload.csv", fields };
}
