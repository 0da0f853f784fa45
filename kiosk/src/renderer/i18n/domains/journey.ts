// journey screens' strings (namespace 'journey'): zh-CN is the default, en the switch. Keep both in step.
export const journeyZh = {};
export const journeyEn: { [K in keyof typeof journeyZh]: string } = {};
