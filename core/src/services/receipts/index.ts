// Receipt content: what a 受理回执 and the A4 notices say, built from plain data.
export { acceptanceReceiptSchema, receiptMaterialSchema, formatChinaTime, type AcceptanceReceiptData, type AcceptanceReceipt } from './receipt-data';
export { progressLinkBuilder, offlineTrackingLink, type QueryLinkBuilder, type ProgressLinkConfig } from './query-link';
export { buildAcceptanceReceiptLayout, type ReceiptBuildOptions } from './acceptance-receipt';
export { buildAcceptanceReceiptBytes } from './print-receipt';
export { buildApplicationPdf, buildAcceptanceReceiptPdf, buildNoticePdf, applicationPdfSchema, noticePdfSchema, type ApplicationPdfData, type NoticePdfData } from './a4/notices';
export { printPdfWithLp, lpOptionsSchema, LpError, type LpOptions } from './a4/lp-print';
export { SHIPPED_CJK_FONT } from '../assets/fonts';
