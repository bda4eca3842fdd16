/** Demo data and demo accounts: one account per role, random passwords shown once and stored nowhere in clear. */
import { randomBytes } from 'node:crypto';
import type { Db } from './db/connection.js';
import type { Role } from './domain/authorization.js';
import { createUser, insertGrant } from './modules/accounts/index.js';
import { modules } from './modules/index.js';
import { isEmpty } from './modules/plans/index.js';
import { seedModules } from './web/module.js';

export interface DemoAccount {
  email: string;
  password: string;
  role: Role;
  note: string;
}

const demoPassword = () => randomBytes(12).toString('base64url');

export async function seedDemo(db: Db): Promise<DemoAccount[]> {
  const { agencyIds = new Map<string, number>() } = await seedModules(db, modules);
  const accounts: DemoAccount[] = [
    { email: 'admin@demo.cocreate.tw', password: demoPassword(), role: 'admin', note: 'administrator' },
    { email: 'secretariat@demo.cocreate.tw', password: demoPassword(), role: 'secretariat', note: 'secretariat (NDC), edits plans' },
    { email: 'officer.moi@demo.cocreate.tw', password: demoPassword(), role: 'agency-officer', note: 'agency officer, Ministry of the Interior (leads 4-1)' },
    { email: 'public@demo.cocreate.tw', password: demoPassword(), role: 'public', note: 'public participant' },
  ];
  const names: Record<Role, string> = {
    admin: '管理者（示範）',
    secretariat: '國發會幕僚（示範）',
    'agency-officer': '內政部承辦人（示範）',
    public: '公民參與者（示範）',
  };
  for (const a of accounts) {
    const moi = agencyIds.get('MOI');
    await createUser({ db }, 'cli', {
      email: a.email,
      displayName: names[a.role],
      password: a.password,
      role: a.role,
      agencyIds: a.role === 'agency-officer' && moi !== undefined ? [moi] : [],
      isDemo: true,
    });
  }
  // A translator of the English edition (issue #14): a participant given the translator's role for the whole site.
  const translator: DemoAccount = {
    email: 'translator@demo.cocreate.tw',
    password: demoPassword(),
    role: 'public',
    note: 'translator: edits the English edition of every plan',
  };
  const translatorId = await createUser({ db }, 'cli', {
    email: translator.email,
    displayName: '英文版譯者（示範）',
    password: translator.password,
    role: 'public',
    agencyIds: [],
    isDemo: true,
  });
  await insertGrant(db, translatorId, { role: 'translator', scope: 'site', scopeId: null }, 'admin');
  return [...accounts, translator];
}

/** Seeds only an empty database; returns the accounts to print, or nothing when data was already there. */
export async function seedIfEmpty(db: Db): Promise<DemoAccount[] | null> {
  if (!(await isEmpty(db))) return null;
  return seedDemo(db);
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const lines = accounts.map((a) => `  ${a.role.padEnd(15)} ${a.email.padEnd(32)} ${a.password}   (${a.note})`);
  return ['Demo accounts (passwords are shown only now; they are stored only as argon2id hashes):', ...lines].join('\n');
}
