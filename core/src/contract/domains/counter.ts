// Channels and events of counter mode (clerks, queue, intake, verification, documents, workload).
// Add entries here; channels.ts merges them into the one contract table.
import { z } from 'zod';
import { channel, event, type ChannelSpec, type EventSpec } from '../define';
import { Ack, Empty } from '../schemas/terminal';
import { ClerkLoginRequest, ClerkState, ClerkView } from '../schemas/counter-clerk';
import {
  CallTicketRequest, QueueCategory, QueueView, TakeTicketRequest, TakeTicketResponse, Ticket, TicketCalled, TransferTicketRequest,
} from '../schemas/counter-queue';
import {
  AddPageRequest, AssignPageRequest, BeginIntakeRequest, BeginIntakeResponse, IntakeResult, MaterialPageView, MaterialsView, PageRequest,
  ScanRequest, ScanResult, SubmitIntakeRequest,
} from '../schemas/counter-intake';
import {
  PickupRequest, PickupResponse, PrintDocumentRequest, PrintDocumentResponse, ResumeResponse, StageRequest, StageResponse,
} from '../schemas/counter-documents';
import { EvaluationDone, EvaluationRequested, RequestEvaluationRequest, SubmitEvaluationRequest } from '../schemas/counter-evaluation';
import { WorkloadView } from '../schemas/counter-workload';
import { HeldView, ReauthoriseRequest, ReauthoriseResponse } from '../schemas/counter-held';

const COUNTER = ['counter'] as const;
/** A clerk signed in at the calling window (the router checks it; the handler gets the clerk). */
const CLERK = ['clerk'] as const;

export const counterChannels = {
  'counter:login': channel({ summary: 'Clerk sign-in against the acceptance platform (locks after repeated failures)', request: ClerkLoginRequest, response: ClerkView, modes: COUNTER }),
  'counter:logout': channel({ summary: 'Clerk signs out of this window', request: Empty, response: Ack, modes: COUNTER }),
  'counter:clerk': channel({ summary: 'The clerk signed in at this window, if any', request: Empty, response: ClerkState, modes: COUNTER }),

  'queue:categories': channel({ summary: 'Service categories tickets can be taken for, with waiting counts', request: Empty, response: z.array(QueueCategory), modes: ['kiosk', 'counter'] }),
  'queue:takeTicket': channel({ summary: 'Take a queue ticket (at a kiosk or issued at the counter)', request: TakeTicketRequest, response: TakeTicketResponse, modes: ['kiosk', 'counter'] }),
  'queue:view': channel({ summary: "This window's view of today's queue", request: Empty, response: QueueView, modes: COUNTER, requires: CLERK }),
  'queue:call': channel({ summary: 'Call the next ticket (or a given one) to this window; finishes the current one', request: CallTicketRequest, response: Ticket.nullable(), modes: COUNTER, requires: CLERK }),
  'queue:recall': channel({ summary: 'Call the current ticket again', request: Empty, response: Ticket, modes: COUNTER, requires: CLERK }),
  'queue:skip': channel({ summary: 'The called resident did not come: set the ticket aside', request: Empty, response: Ticket, modes: COUNTER, requires: CLERK }),
  'queue:transfer': channel({ summary: 'Send the current ticket to another category or window', request: TransferTicketRequest, response: Ticket, modes: COUNTER, requires: CLERK }),
  'queue:finish': channel({ summary: 'The current ticket has been served', request: Empty, response: Ack, modes: COUNTER, requires: CLERK }),

  'intake:begin': channel({ summary: 'Start taking an item for the resident whose card was read: form and material checklist', request: BeginIntakeRequest, response: BeginIntakeResponse, modes: COUNTER, requires: CLERK }),
  'intake:materials': channel({ summary: 'Pages and checklist of the current intake', request: Empty, response: MaterialsView, modes: COUNTER, requires: CLERK }),
  'intake:addPage': channel({ summary: 'Add a page from the document camera (trust B) or a file (trust C)', request: AddPageRequest, response: MaterialPageView, modes: COUNTER, requires: CLERK }),
  'intake:scan': channel({ summary: "Scan a batch on the counter's scanner: pages captured by the clerk from the originals (trust B, stamped)", request: ScanRequest, response: ScanResult, modes: COUNTER, requires: CLERK }),
  'intake:assignPage': channel({ summary: 'File a page under a material', request: AssignPageRequest, response: MaterialsView, modes: COUNTER, requires: CLERK }),
  'intake:verifyPage': channel({ summary: 'The clerk checked a page against the original: trust C → B, stamped', request: PageRequest, response: MaterialsView, modes: COUNTER, requires: CLERK }),
  'intake:removePage': channel({ summary: 'Remove a page', request: PageRequest, response: MaterialsView, modes: COUNTER, requires: CLERK }),
  'intake:submit': channel({ summary: "Submit the application on the resident's behalf, stamped with the clerk", request: SubmitIntakeRequest, response: IntakeResult, modes: COUNTER, requires: CLERK }),

  'documents:stage': channel({ summary: 'Server stage of a journaled application and the documents that fit it', request: StageRequest, response: StageResponse, modes: COUNTER, requires: CLERK }),
  'documents:print': channel({ summary: 'Print a 受理回执 / notice (A4, CUPS) or the thermal receipt', request: PrintDocumentRequest, response: PrintDocumentResponse, modes: COUNTER, requires: CLERK }),
  'pickup:find': channel({ summary: "Applications journaled on this terminal, by tracking code or the resident's card", request: PickupRequest, response: PickupResponse, modes: COUNTER, requires: CLERK }),
  'pickup:resume': channel({ summary: 'Load a journaled application into the intake form', request: StageRequest, response: ResumeResponse, modes: COUNTER, requires: CLERK }),

  'evaluation:request': channel({ summary: 'Show the 好差评 pad on the resident display for an application', request: RequestEvaluationRequest, response: Ack, modes: COUNTER, requires: CLERK }),
  'evaluation:submit': channel({ summary: 'The resident rates the service on the pad', request: SubmitEvaluationRequest, response: Ack, modes: ['display'] }),
  'evaluation:decline': channel({ summary: 'The resident leaves the pad without rating (evaluation is voluntary)', request: z.object({ requestId: z.string().min(1).max(64) }).strict(), response: Ack, modes: ['display'] }),

  'held:list': channel({ summary: "Counter applications waiting for a clerk to re-authorise them (the clerk's platform sign-in was refused)", request: Empty, response: HeldView, modes: COUNTER, requires: CLERK }),
  'held:reauthorise': channel({ summary: 'Send a held application again with the signed-in clerk\'s token (the clerk who took it)', request: ReauthoriseRequest, response: ReauthoriseResponse, modes: COUNTER, requires: CLERK }),

  'workload:get': channel({ summary: "The clerk's workload today and the platform's figures", request: Empty, response: WorkloadView, modes: COUNTER, requires: CLERK }),
} satisfies Record<string, ChannelSpec>;

export const counterEvents = {
  'queue:called': event({ summary: 'A ticket was called to a window (shown and spoken on the display)', payload: TicketCalled, modes: ['display', 'counter'] }),
  'queue:changed': event({ summary: "Today's queue changed", payload: z.object({ waiting: z.number().int().nonnegative() }), modes: COUNTER }),
  'intake:materialsChanged': event({ summary: 'Pages or OCR of the current intake changed', payload: z.object({}), modes: COUNTER }),
  'evaluation:requested': event({ summary: 'Show the 好差评 pad', payload: EvaluationRequested, modes: ['display'] }),
  'evaluation:done': event({ summary: 'The resident rated (or declined)', payload: EvaluationDone, modes: ['display', 'counter'] }),
} satisfies Record<string, EventSpec>;
