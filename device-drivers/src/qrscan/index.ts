// The 2D barcode scanner driver's public API (see README.md).
export * from './errors';
export * from './protocol/framer';
export * from './protocol/code-text';
export * from './protocol/commands';
export * from './scanner/service';
export * from './transport/link';
export * from './transport/serial';
export * from './transport/hid-pos';
export * from './transport/keyboard-wedge';
export * from './transport/memory-link';
export * from './simulator/simulator';
export * from './simulator/serial';
