// Channels and events of the resident's self-service journey (kiosk mode) beyond the foundation:
// owned by the journey work. Add entries here; channels.ts merges them into the one contract table.
import { z } from 'zod';
import { channel, event, type ChannelSpec, type EventSpec } from '../define';
import { Ack, Empty } from '../schemas/terminal';
import { ItemCodeRequest, ItemGuide } from '../schemas/journey-guide';
import { OtherCardRequest, RequireCardRequest, SessionInfo } from '../schemas/journey-session';
import {
  AddImageRequest,
  AssignPageRequest,
  BeginMaterialsRequest,
  MaterialsChanged,
  MaterialsState,
  OcrProgress,
  PageView,
  RemovePageRequest,
  UseCertificateRequest,
} from '../schemas/journey-materials';
import { PreparedForm, SubmitApplicationRequest, SubmitApplicationResponse } from '../schemas/application';
import { PrintReceiptRequest, ReceiptSmsRequest, ReceiptSmsResponse, ReceiptView, ReprintReceiptRequest } from '../schemas/journey-receipt';
import {
  EvaluationRequest,
  EvaluationResponse,
  ProgressList,
  ProgressQrRequest,
  ProgressQueryRequest,
  ProgressView,
} from '../schemas/journey-progress';

const RESIDENT_FACING = ['kiosk', 'counter'] as const;
/** A card in the resident's session (the router checks it; the handler gets that session). */
const CARD = ['card'] as const;

export const journeyChannels = {
  'catalogue:item': channel({
    summary: "One item's guide: department, time limit, fee, conditions, applicant types, materials (guests too)",
    request: ItemCodeRequest,
    response: ItemGuide,
    modes: ['kiosk', 'counter', 'admin'],
  }),
  'form:prepare': channel({
    summary: 'The form of an item for the current session, prefilled from the card and the resource library',
    request: z.object({ itemCode: z.string().min(1).max(64) }).strict(),
    response: PreparedForm,
    modes: RESIDENT_FACING,
    requires: CARD,
  }),
  'application:submit': channel({
    summary: 'Submit an application of the current session (journaled first, then delivered)',
    request: SubmitApplicationRequest,
    response: SubmitApplicationResponse,
    modes: RESIDENT_FACING,
    requires: CARD,
  }),
  'session:startGuest': channel({
    summary: 'Start a guest session (no card): guides and progress queries only',
    request: Empty,
    response: SessionInfo,
    modes: RESIDENT_FACING,
  }),
  'session:touch': channel({
    summary: "The screen reports the resident's activity (resets main's safety-net idle timer)",
    request: Empty,
    response: SessionInfo,
    modes: RESIDENT_FACING,
    residentActivity: true,
  }),
  'session:otherCard': channel({
    summary: 'The answer to card:other: end the current session and start with the card now on the reader, or keep the current one',
    request: OtherCardRequest,
    response: SessionInfo,
    modes: RESIDENT_FACING,
    residentActivity: true,
  }),
  'session:requireCard': channel({
    summary: 'Whether removing the card ends the session (the chosen item needs the card to stay)',
    request: RequireCardRequest,
    response: Ack,
    modes: RESIDENT_FACING,
    requires: CARD,
  }),
  'materials:begin': channel({
    summary: "Start (or restart) materials capture for an item: checklist incl. electronic certificates; the form's typed values for the checks",
    request: BeginMaterialsRequest,
    response: MaterialsState,
    modes: RESIDENT_FACING,
    requires: CARD,
    residentActivity: true,
  }),
  'materials:addImage': channel({
    summary: 'Add a page image (document camera still or file), JPEG/PNG base64; OCR runs in the background',
    request: AddImageRequest,
    response: PageView,
    modes: RESIDENT_FACING,
    requires: CARD,
    residentActivity: true,
  }),
  'materials:scan': channel({
    summary: 'Scan a batch on the configured scanner; typed device errors (jam, coverOpen, noPaper)',
    request: Empty,
    response: z.object({ pages: z.array(PageView) }),
    modes: RESIDENT_FACING,
    requires: CARD,
    residentActivity: true,
  }),
  'materials:list': channel({
    summary: 'Pages (thumbnails, OCR status, suggestion, trust) and the checklist of the current materials',
    request: Empty,
    response: MaterialsState,
    modes: RESIDENT_FACING,
    requires: CARD,
  }),
  'materials:assign': channel({
    summary: 'File a page under a material (null: unassign)',
    request: AssignPageRequest,
    response: MaterialsState,
    modes: RESIDENT_FACING,
    requires: CARD,
    residentActivity: true,
  }),
  'materials:remove': channel({
    summary: 'Delete a page (image and OCR text)',
    request: RemovePageRequest,
    response: MaterialsState,
    modes: RESIDENT_FACING,
    requires: CARD,
    residentActivity: true,
  }),
  'materials:useCertificate': channel({
    summary: 'Use an electronic certificate instead of paper for a material (null: undo)',
    request: UseCertificateRequest,
    response: MaterialsState,
    modes: RESIDENT_FACING,
    requires: CARD,
    residentActivity: true,
  }),
  'receipt:print': channel({
    summary: 'Print the 受理回执 (or the offline 提交回执) of an application of this session and return it for the screen',
    request: PrintReceiptRequest,
    response: ReceiptView,
    modes: RESIDENT_FACING,
    requires: CARD,
  }),
  'receipt:sms': channel({
    summary: '短信回执 for a slip that could not be printed: the platform texts number and password to the form\'s mobile number',
    request: ReceiptSmsRequest,
    response: ReceiptSmsResponse,
    modes: RESIDENT_FACING,
    requires: CARD,
    residentActivity: true,
  }),
  'receipt:reprint': channel({
    summary: 'Reprint (补打) a receipt taken on this terminal, by acceptance number + query password',
    request: ReprintReceiptRequest,
    response: ReceiptView,
    modes: RESIDENT_FACING,
  }),
  // Not `evaluation:submit`: that name is the counter's resident-display pad (contract/domains/counter.ts).
  'evaluation:rate': channel({
    summary: '好差评: level and indicators 1 (非常满意) … 5 (非常不满意); once per application; delivered by the outbox',
    request: EvaluationRequest,
    response: EvaluationResponse,
    modes: RESIDENT_FACING,
    requires: CARD,
  }),
  'progress:query': channel({
    summary: 'Progress of an application by acceptance number + query password (guests allowed)',
    request: ProgressQueryRequest,
    response: ProgressView,
    modes: RESIDENT_FACING,
  }),
  'progress:queryQr': channel({
    summary: "Progress from the receipt QR payload (easydo://query?no=…&pw=… or an offline easydo://track?code=…)",
    request: ProgressQrRequest,
    response: ProgressView,
    modes: RESIDENT_FACING,
  }),
  'progress:queryByCard': channel({
    summary: "Every application of the card in the current session",
    request: Empty,
    response: ProgressList,
    modes: RESIDENT_FACING,
    requires: CARD,
  }),
} satisfies Record<string, ChannelSpec>;

export const journeyEvents = {
  'materials:changed': event({
    summary: 'Pages or checklist of the current materials changed (no thumbnails: call materials:list)',
    payload: MaterialsChanged,
    modes: RESIDENT_FACING,
  }),
  'card:other': event({
    summary: 'A different card was placed while a cardholder is mid-session: the screen asks before ending it (nothing of the card is sent)',
    payload: z.object({}),
    modes: RESIDENT_FACING,
  }),
  'materials:ocrProgress': event({
    summary: 'OCR progress of one page, 0..1',
    payload: OcrProgress,
    modes: RESIDENT_FACING,
  }),
} satisfies Record<string, EventSpec>;
