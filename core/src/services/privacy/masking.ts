// Masking for screens and receipts, for main-side code (services, the counter's desks). Names and card
// numbers follow the one rule in the driver (device-drivers/src/idcard/card/mask.ts: the CLI needs it too
// and the driver imports nothing of ours); phone numbers the contract's (the renderer masks them as well).
export { maskIdNumber, maskLatinName, maskName } from '@easydo/device-drivers/idcard/card/mask';
export { maskPhone } from '@easydo/core/contract/masking';
