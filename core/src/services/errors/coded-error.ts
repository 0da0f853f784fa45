// The one shape of our typed errors (device-drivers/src/device/coded-error.ts), here for the packages above core
// (counter), which reach the drivers only through core.
export { codedError, type CodedError } from '@easydo/device-drivers/device/coded-error';
