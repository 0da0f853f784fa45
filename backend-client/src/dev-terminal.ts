// The development terminal credential shared by the sandbox defaults and the outbox CLI. Not a secret:
// production terminals get their own id and secret from provisioning.
export const DEV_TERMINAL = { id: 'T-DEV-0001', secret: 'easydo-dev-terminal-secret-change-me' } as const;
