import { createElement, type ReactElement } from "react";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import { RunReportDocument } from "./run-report";
import type { RunReport } from "./types";

/** Lays out `report` as a PDF and returns its bytes. */
export async function renderRunReport(report: RunReport): Promise<Buffer> {
  // The renderer's types want the <Document> element itself; this component renders exactly that.
  const document = createElement(RunReportDocument, { report }) as unknown as ReactElement<DocumentProps>;
  return renderToBuffer(document);
}
