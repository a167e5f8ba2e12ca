import { StyleSheet } from "@react-pdf/renderer";

/** A4 in points, with room at the top and bottom for the header and the page number. */
export const PAGE = { width: 595.28, marginX: 40, marginTop: 64, marginBottom: 52 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;

/** Courier's glyphs are all 0.6 em wide, which lets code be wrapped before layout. */
export const CODE_FONT_SIZE = 8;
const CODE_PADDING = 6;
export const CODE_CHARS_PER_LINE = Math.floor((CONTENT_WIDTH - 2 * CODE_PADDING) / (CODE_FONT_SIZE * 0.6)) - 1;

export const colors = {
  text: "#1f2937",
  muted: "#6b7280",
  rule: "#d1d5db",
  accent: "#1d4ed8",
  codeBackground: "#f3f4f6",
  pass: "#15803d",
  fail: "#b91c1c",
  warn: "#b45309",
} as const;

export const styles = StyleSheet.create({
  page: {
    paddingTop: PAGE.marginTop,
    paddingBottom: PAGE.marginBottom,
    paddingHorizontal: PAGE.marginX,
    fontFamily: "Helvetica",
    fontSize: 9.5,
    // No lineHeight here: a unitless one inherited by the page-number text is applied twice when
    // the renderer lays that text out again per page, and the footer vanishes.
    color: colors.text,
  },
  header: {
    position: "absolute",
    top: 24,
    left: PAGE.marginX,
    right: PAGE.marginX,
    flexDirection: "row",
    justifyContent: "space-between",
    borderBottomWidth: 0.75,
    borderBottomColor: colors.rule,
    paddingBottom: 4,
    fontSize: 8,
    color: colors.muted,
  },
  footer: {
    position: "absolute",
    bottom: 24,
    left: PAGE.marginX,
    right: PAGE.marginX,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 8,
    color: colors.muted,
  },
  title: { fontFamily: "Helvetica-Bold", fontSize: 18, marginBottom: 4 },
  subtitle: { fontSize: 9, color: colors.muted, marginTop: 2, marginBottom: 12 },
  prompt: {
    fontSize: 11,
    lineHeight: 1.35,
    borderLeftWidth: 3,
    borderLeftColor: colors.accent,
    paddingLeft: 8,
    paddingVertical: 4,
    marginBottom: 12,
  },
  heading: { fontFamily: "Helvetica-Bold", fontSize: 12.5, color: colors.accent, marginTop: 14, marginBottom: 6 },
  subheading: { fontFamily: "Helvetica-Bold", fontSize: 10, marginTop: 8, marginBottom: 3 },
  muted: { color: colors.muted },
  small: { fontSize: 8 },
  bold: { fontFamily: "Helvetica-Bold" },
  mono: { fontFamily: "Courier", fontSize: 8.5 },
  field: { flexDirection: "row", width: "50%", marginBottom: 3 },
  fieldLabel: { width: 72, color: colors.muted },
  fieldValue: { flex: 1, paddingRight: 8 },
  fields: { flexDirection: "row", flexWrap: "wrap" },
  callout: { borderWidth: 0.75, borderRadius: 3, padding: 8, marginTop: 4 },
  codeLine: {
    fontFamily: "Courier",
    fontSize: CODE_FONT_SIZE,
    lineHeight: 1.3,
    backgroundColor: colors.codeBackground,
    paddingHorizontal: CODE_PADDING,
  },
  codeFirst: { paddingTop: CODE_PADDING },
  codeLast: { paddingBottom: CODE_PADDING },
  tableHeader: {
    flexDirection: "row",
    borderBottomWidth: 0.75,
    borderBottomColor: colors.text,
    paddingBottom: 2,
    marginBottom: 1,
  },
  tableRow: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: colors.rule, paddingVertical: 2 },
  tableCell: { paddingRight: 4 },
});
