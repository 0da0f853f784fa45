import type { ContractError } from '@easydo/core/contract/errors';

export function ErrorNotice({ error }: { error: ContractError | undefined | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="error-notice" data-code={error.code}>
      {error.message}
    </p>
  );
}
