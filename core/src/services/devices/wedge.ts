// The keyboard-wedge link, for the shells: main feeds it the window's key presses (kiosk/src/main/wedge-keys.ts).
export { KeyboardWedgeLink } from '@easydo/device-drivers/qrscan/transport/keyboard-wedge';
