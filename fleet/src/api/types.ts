// The console's REST shapes by name, from one source: fleet/openapi.yaml → generated.ts (openapi-typescript). The
// web app reads answers with these types and the console builds them with these types, so neither copies the other.
import type { components } from './generated';

type Schemas = components['schemas'];

export type Colour = Schemas['Colour'];
export type ServiceMode = Schemas['ServiceMode'];
export type CommandName = Schemas['CommandName'];
export type CommandStatus = Schemas['CommandStatus'];
export type Operator = Schemas['Operator'];
export type Role = Operator['role'];
export type Session = Schemas['Session'];
export type TerminalSummary = Schemas['TerminalSummary'];
export type TerminalGroup = Schemas['TerminalGroup'];
export type TerminalList = Schemas['TerminalList'];
export type Device = Schemas['Device'];
export type TerminalDetail = Schemas['TerminalDetail'];
export type History = Schemas['History'];
export type HistoryPoint = History['points'][number];
export type AlertItem = Schemas['AlertItem'];
export type CommandItem = Schemas['CommandItem'];
export type ActionRequest = Schemas['ActionRequest'];
export type ActionStatus = Schemas['ActionStatus'];
export type ErrorBody = Schemas['ErrorBody'];
