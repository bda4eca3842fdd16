/** The authorization matrix as the modules register it (their manifests' policies): role × action × ownership. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { policyTable } from '../scripts/policy-table.js';
import { can, registeredActions, ROLES, type Action, type Actor, type Role } from '../src/domain/authorization.js';
import { modules } from '../src/modules/index.js';
import { lockedFieldsFor } from '../src/modules/plans/index.js';
import { registerModules } from '../src/web/module.js';

registerModules(modules);

test('every action a module declares has a rule, and only declared actions have one', () => {
  const declared = modules.flatMap((m) => Object.keys(m.policy ?? {}));
  assert.deepEqual([...registeredActions()].sort(), [...new Set(declared)].sort());
  assert.ok(declared.includes('commitment.update') && declared.includes('report.write') && declared.includes('transcript.manage'));
});

describe('authorization matrix of the registered modules (role × action × ownership)', () => {
  const own = 10;
  const other = 20;
  const actor = (role: Role): Actor => ({ id: 1, displayName: role, role, agencyIds: role === 'agency-officer' ? [own] : [] });
  const editorOnly: Action[] = [
    'plan.create',
    'plan.update',
    'plan.delete',
    'area.create',
    'area.update',
    'area.delete',
    'commitment.create',
    'commitment.delete',
    'agency.create',
    'agency.update',
  ];
  const ownedByLead: Action[] = ['commitment.update', 'milestone.create', 'milestone.update', 'milestone.delete'];
  for (const role of ROLES) {
    for (const action of [...editorOnly, ...ownedByLead, 'user.create' as const]) {
      for (const lead of [own, other]) {
        const expected =
          action === 'user.create'
            ? role === 'admin'
            : role === 'admin' || role === 'secretariat'
              ? true
              : role === 'agency-officer' && ownedByLead.includes(action) && lead === own;
        test(`${role} ${action} on ${lead === own ? 'own' : "another's"} agency → ${expected ? 'allowed' : 'refused'}`, () => {
          assert.equal(can(actor(role), action, { leadAgencyId: lead }), expected);
        });
      }
    }
  }
  test('anonymous may do nothing', () => {
    for (const action of [...editorOnly, ...ownedByLead]) assert.equal(can(null, action, { leadAgencyId: own }), false);
  });
  test('officers cannot move a commitment', () => {
    assert.ok(lockedFieldsFor(actor('agency-officer')).includes('leadAgencyId'));
    assert.deepEqual(lockedFieldsFor(actor('secretariat')), []);
  });
});
describe('supporting agencies and the rest of the modules', () => {
  const officer = (agencyIds: number[]): Actor => ({ id: 1, displayName: 'o', role: 'agency-officer', agencyIds });
  test('a supporting agency contributes to a report but does not write it', () => {
    assert.equal(can(officer([5]), 'report.contribute', { leadAgencyId: 4, coAgencyIds: [5] }), true);
    assert.equal(can(officer([5]), 'report.write', { leadAgencyId: 4, coAgencyIds: [5] }), false);
    assert.equal(can(officer([4]), 'report.write', { leadAgencyId: 4 }), true);
  });
  test('only editors manage cycles, meetings, resolutions and transcripts; only the admin manages accounts', () => {
    const roles: Role[] = ['admin', 'secretariat', 'agency-officer', 'public'];
    const actor = (role: Role): Actor => ({ id: 1, displayName: role, role, agencyIds: [4] });
    for (const action of ['cycle.manage', 'board.view', 'meeting.manage', 'resolution.manage', 'transcript.manage', 'commitment.transfer'] as Action[])
      assert.deepEqual(
        roles.filter((r) => can(actor(r), action, { leadAgencyId: 4 })),
        ['admin', 'secretariat'],
        action,
      );
    for (const action of ['user.create', 'token.manageAny'] as Action[])
      assert.deepEqual(
        roles.filter((r) => can(actor(r), action)),
        ['admin'],
        action,
      );
  });
});

test('docs/authorization.md is the registered policy (node --import tsx scripts/policy-table.ts > docs/authorization.md)', () => {
  assert.equal(readFileSync(new URL('../docs/authorization.md', import.meta.url), 'utf8'), policyTable());
});
