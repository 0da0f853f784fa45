import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  app: { title: 'Easy-Do self-service terminal', language: '中文', elder: 'Large text', normal: 'Standard' },
  attract: {
    welcome: 'Welcome to Easy-Do self-service',
    placeCard: 'Place your ID card, HK/Macao/Taiwan residence permit or foreigner permanent residence card on the reader',
    browse: 'Browse service guides',
    query: 'Check application progress',
    outOfService: 'This terminal is not accepting applications right now',
    outOfServiceHint: 'You can still browse service guides and check progress.',
  },
  catalogue: { title: 'Services', items: '{{count}} services', fromCache: 'Offline: showing the catalogue cached on this terminal', timeLimit: 'Time limit: {{days}} working days', back: 'Back' },
  card: { read: 'Card read', type_resident: 'Resident ID card', type_hmt_permit: 'HK/Macao/Taiwan residence permit', type_foreigner_2017: 'Foreigner permanent residence card (2017)', type_foreigner_2023: 'Foreigner permanent residence card (2023)', expired: 'Card expired', removed: 'Card removed' },
  submit: { action: 'Submit application', sending: 'Submitting…', accepted: 'Accepted', number: 'Acceptance number', password: 'Query password', offline: 'Submitted, awaiting acceptance', tracking: 'Tracking code', finish: 'Done' },
  admin: { title: 'Maintenance', devices: 'Devices', pin: 'Maintenance PIN', enter: 'Enter', logout: 'Leave maintenance', status: 'Status', required: 'required', optional: 'optional', lastError: 'Last error', counters: 'Counters' },
  counter: { title: 'One-stop counter', login: 'Clerk sign-in', staffId: 'Staff ID', password: 'Password', signIn: 'Sign in', comingSoon: 'Counter intake will appear here.' },
  sim: { title: 'Simulated devices (development)', place: 'Place card', remove: 'Remove card' },
  status: { online: 'Online', offline: 'Offline', noDevice: 'Not connected', hardwareError: 'Hardware error', userError: 'Needs attention', busy: 'Busy', starting: 'Starting' },
};
