// The typed Failure a promise rejects with (the test fails when it resolves or throws something else).
import { expect } from 'vitest';
import { Failure } from '@easydo/core/services/errors/failure';

export async function failureOf(p: Promise<unknown>): Promise<Failure> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(Failure);
  return e as Failure;
}
