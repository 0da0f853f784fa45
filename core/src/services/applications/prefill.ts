// "让数据多跑腿": fields of an item are filled from the card and from the city's resource library, so the
// resident types as little as possible. Only the library fields the item needs are requested. When the
// backend is unreachable the card values still apply and the rest is left to the resident.
import type { BackendClient } from '@easydo/backend-client/client';
import type { CatalogueItem, LibraryField, ResidentRecord } from '@easydo/backend-client/types';
import type { CardRecord } from '../session/card-record';
import { cardValue } from './submission';
import type { FormValue } from '@easydo/core/contract/schemas/application';

export type Prefill = Record<string, { value: FormValue; source: 'card' | 'library'; editable: boolean }>;

const LIBRARY_FIELDS: readonly LibraryField[] = ['householdRegistration', 'residenceAddress', 'housing', 'contactPhone', 'electronicCertificates'];

function libraryPath(prefill: string | undefined): { field: LibraryField; rest: string[] } | null {
  if (!prefill?.startsWith('library.')) return null;
  const [field, ...rest] = prefill.slice('library.'.length).split('.');
  return LIBRARY_FIELDS.includes(field as LibraryField) ? { field: field as LibraryField, rest } : null;
}

function dig(record: ResidentRecord, field: LibraryField, rest: string[]): FormValue | undefined {
  let value: unknown = record[field];
  for (const key of rest) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

export async function resolvePrefill(item: CatalogueItem, card: CardRecord, client: BackendClient): Promise<Prefill> {
  const prefill: Prefill = {};
  for (const f of item.fields) {
    const value = f.prefill ? cardValue(card, f.prefill) : undefined;
    if (value !== undefined && value !== '') prefill[f.key] = { value, source: 'card', editable: f.editableWhenPrefilled };
  }
  const wanted = [...new Set(item.fields.map((f) => libraryPath(f.prefill)?.field).filter((x): x is LibraryField => !!x))];
  if (wanted.length === 0) return prefill;
  let record: ResidentRecord;
  try {
    record = await client.lookupResident({ idNumber: card.idNumber, itemCode: item.code, fields: wanted });
  } catch {
    return prefill; // Offline or refused: the resident fills these in.
  }
  if (!record.found) return prefill;
  for (const f of item.fields) {
    const path = libraryPath(f.prefill);
    const value = path ? dig(record, path.field, path.rest) : undefined;
    if (value !== undefined && value !== '') prefill[f.key] = { value, source: 'library', editable: f.editableWhenPrefilled };
  }
  return prefill;
}
