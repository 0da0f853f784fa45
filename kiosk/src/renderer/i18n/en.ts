import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  app: { title: 'Easy-Do self-service terminal', language: '中文', elder: 'Large text', normal: 'Standard' },
  admin: { pin: 'Maintenance PIN', operator: 'Staff number (where maintainers have their own)', enter: 'Enter', delete: 'Delete one digit', clear: 'Clear' },
  catalogue: { back: 'Back' },
  sim: { title: 'Simulated devices (development)', place: 'Place card', placeUnreadable: 'Place an unreadable card', remove: 'Remove card' },
};
