import { describe, expect, it } from 'vitest';
import {
  adminSeatRefusal,
  canManageTeamMembers,
  canManageTeamRole,
  isValidDomain,
  signUpDecision,
} from './organisation';

describe('canManageTeamRole', () => {
  it('lets admins manage every role and scrum masters the roles below their own', () => {
    expect(canManageTeamRole({ orgRole: 'ADMIN', teamRole: null }, 'SCRUM_MASTER')).toBe(true);
    const master = { orgRole: 'NONE' as const, teamRole: 'SCRUM_MASTER' as const };
    expect(canManageTeamRole(master, 'PRODUCT_OWNER')).toBe(true);
    expect(canManageTeamRole(master, 'MEMBER')).toBe(true);
    expect(canManageTeamRole(master, 'VIEWER')).toBe(true);
    expect(canManageTeamRole(master, 'SCRUM_MASTER')).toBe(false);
  });

  it('gives product owners, members, viewers and the PMO no say over members', () => {
    for (const teamRole of ['PRODUCT_OWNER', 'MEMBER', 'VIEWER'] as const) {
      expect(canManageTeamRole({ orgRole: 'NONE', teamRole }, 'VIEWER')).toBe(false);
      expect(canManageTeamMembers({ orgRole: 'NONE', teamRole })).toBe(false);
    }
    expect(canManageTeamRole({ orgRole: 'PMO', teamRole: null }, 'VIEWER')).toBe(false);
    expect(canManageTeamMembers({ orgRole: 'NONE', teamRole: 'SCRUM_MASTER' })).toBe(true);
  });
});

describe('adminSeatRefusal', () => {
  it('keeps the last admin seat filled, whoever asks', () => {
    expect(adminSeatRefusal({ orgRole: 'ADMIN', isSelf: true }, { kind: 'org-role', to: 'PMO' }, 1)).toMatch(
      /last admin/,
    );
    expect(adminSeatRefusal({ orgRole: 'ADMIN', isSelf: false }, { kind: 'org-role', to: 'NONE' }, 1)).toMatch(
      /last admin/,
    );
    expect(adminSeatRefusal({ orgRole: 'ADMIN', isSelf: false }, { kind: 'deactivate' }, 1)).toMatch(/last admin/);
  });

  it('lets an admin step down or be removed while another admin remains', () => {
    expect(adminSeatRefusal({ orgRole: 'ADMIN', isSelf: true }, { kind: 'org-role', to: 'NONE' }, 2)).toBeNull();
    expect(adminSeatRefusal({ orgRole: 'ADMIN', isSelf: false }, { kind: 'deactivate' }, 2)).toBeNull();
    expect(adminSeatRefusal({ orgRole: 'NONE', isSelf: false }, { kind: 'org-role', to: 'PMO' }, 1)).toBeNull();
    expect(adminSeatRefusal({ orgRole: 'ADMIN', isSelf: false }, { kind: 'org-role', to: 'ADMIN' }, 1)).toBeNull();
  });

  it('never lets a person deactivate themselves', () => {
    expect(adminSeatRefusal({ orgRole: 'ADMIN', isSelf: true }, { kind: 'deactivate' }, 5)).toMatch(/yourself/);
  });
});

describe('sign-up policy', () => {
  const policy = (signUpPolicy: 'OPEN' | 'INVITATION_ONLY' | 'DOMAINS', allowedDomains: string[] = []) => ({
    signUpPolicy,
    allowedDomains,
  });

  it('always lets the first account in', () => {
    expect(signUpDecision(policy('INVITATION_ONLY'), 'a@x.test', true)).toBe('allowed');
  });

  it('follows the policy for later accounts', () => {
    expect(signUpDecision(policy('OPEN'), 'a@x.test', false)).toBe('allowed');
    expect(signUpDecision(policy('INVITATION_ONLY'), 'a@x.test', false)).toBe('invitation-only');
    expect(signUpDecision(policy('DOMAINS', ['acme.com']), 'a@ACME.com', false)).toBe('allowed');
    expect(signUpDecision(policy('DOMAINS', ['acme.com']), 'a@sub.acme.com', false)).toBe('domain-not-allowed');
    expect(signUpDecision(policy('DOMAINS', ['acme.com']), 'a@evil-acme.com', false)).toBe('domain-not-allowed');
  });

  it.each([
    ['acme.com', true],
    ['mail.acme.co.uk', true],
    ['xn--bcher-kva.example', true],
    ['acme', false],
    ['@acme.com', false],
    ['-acme.com', false],
    ['acme..com', false],
    ['acme.123', false],
    ['ac me.com', false],
  ])('%s is a valid domain: %s', (domain, valid) => {
    expect(isValidDomain(domain)).toBe(valid);
  });
});
