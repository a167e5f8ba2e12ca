/** What the server answers to a successful import. */
export type ImportedTable = { schema: string; table: string; rows: number; columns: { name: string; type: string }[] };

/**
 * Sends a CSV file as the raw request body, so the server imports it as it arrives. It uses
 * XMLHttpRequest because fetch cannot report upload progress.
 */
export function uploadCsv(
  file: File,
  { table, replace }: { table: string; replace: boolean },
  onProgress: (fraction: number) => void,
): Promise<ImportedTable> {
  const params = new URLSearchParams({ name: file.name });
  if (table.trim()) params.set("table", table.trim());
  if (replace) params.set("replace", "true");
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/tables?${params}`);
    xhr.setRequestHeader("Content-Type", "text/csv");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      const body = xhr.response as (ImportedTable & { error?: { message?: string } }) | null;
      if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body);
      else reject(new Error(body?.error?.message ?? `The upload failed (the server answered ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error("The upload was interrupted; check the connection and try again."));
    xhr.send(file);
  });
}
