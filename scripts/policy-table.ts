/**
 * The one policy table: who may do each action, printed from the rules the modules register (their *.policy.ts).
 * docs/authorization.md is this output; test/authorization.test.ts fails when the two differ, so the page stays true.
 *   node --import tsx scripts/policy-table.ts > docs/authorization.md
 */
import { pathToFileURL } from 'node:url';
import { registeredActions, ruleOf, ROLES, SCOPED_ROLES, type ActionRule, type Relation, type Role, type ScopedRole } from '../src/domain/authorization.js';
import { modules } from '../src/modules/index.js';
import { registerModules } from '../src/web/module.js';

const ROLE_HEADINGS: Record<Role, string> = {
  admin: 'admin',
  secretariat: 'secretariat',
  'agency-officer': 'agency officer',
  public: 'participant',
};
const GRANT_HEADINGS: Record<ScopedRole, string> = {
  'forum-member': 'forum member',
  'co-convener': 'co-convener',
  'working-group-chair': 'working-group chair',
  moderator: 'moderator',
  translator: 'translator',
  reviewer: 'reviewer',
};
const RELATION_WORDS: Record<Relation, string> = {
  'lead-agency': 'lead agency',
  'supporting-agency': 'supporting agency',
  author: 'own',
};

function roleCell(rule: ActionRule, role: Role): string {
  if (rule.roles.includes(role)) return 'yes';
  if (rule.when?.roles.includes(role)) return rule.when.relations.map((r) => RELATION_WORDS[r]).join(', ');
  return '–';
}

const grantCell = (rule: ActionRule, role: ScopedRole): string => (rule.grants?.includes(role) ? 'in scope' : '–');

/** The Markdown page: one row per registered action, one column per account role and per scoped role. */
export function policyTable(): string {
  registerModules(modules);
  const actions = registeredActions().sort();
  const headings = ['action', ...ROLES.map((r) => ROLE_HEADINGS[r]), ...SCOPED_ROLES.map((r) => GRANT_HEADINGS[r])];
  const rows = actions.map((action) => {
    const rule = ruleOf(action);
    if (!rule) throw new Error(`no rule for ${action}`);
    return [`\`${action}\``, ...ROLES.map((r) => roleCell(rule, r)), ...SCOPED_ROLES.map((r) => grantCell(rule, r))];
  });
  return [
    '# Who may do what',
    '',
    'Printed by `scripts/policy-table.ts` from the rules each module registers in its `*.policy.ts`;',
    '`test/authorization.test.ts` fails when this page and the rules differ. Anonymous visitors may do none of these.',
    '',
    '- **yes**: always; **lead agency** / **supporting agency**: an agency officer, for commitments their agency leads or',
    '  supports; **own**: what the person wrote or holds themselves.',
    '- The last five columns are scoped roles (a forum seat, a working group’s chair, the admin’s grant): **in scope**',
    '  means within the plan, working group or agency the role was granted for (a site-wide grant covers everything).',
    '- A participant is anyone with an account (role `public`).',
    '',
    `| ${headings.join(' | ')} |`,
    `| ${headings.map(() => '---').join(' | ')} |`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.stdout.write(policyTable());
