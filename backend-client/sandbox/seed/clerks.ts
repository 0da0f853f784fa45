// Seeded counter clerks. Development-only passwords (documented so testers can log in); the sandbox
// database stores only scrypt hashes of them.
export interface SeedClerk {
  staffId: string;
  name: string;
  windowNo: string;
  department: { code: string; name: string };
  devPassword: string;
}

export const SEED_CLERKS: SeedClerk[] = [
  { staffId: 'C1001', name: '沙箱窗口一', windowNo: '01', department: { code: '440304MZ', name: '区民政局' }, devPassword: 'counter-1001' },
  { staffId: 'C1002', name: '沙箱窗口二', windowNo: '02', department: { code: '440304ZJ', name: '区住房和建设局' }, devPassword: 'counter-1002' },
  { staffId: 'C1003', name: '沙箱窗口三', windowNo: '03', department: { code: '440304RS', name: '区人力资源局' }, devPassword: 'counter-1003' },
];
