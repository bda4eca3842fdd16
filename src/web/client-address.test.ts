/** Which address is the client: TRUST_PROXY parsing, the X-Forwarded-For walk, and the keys limits count under. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../config.js';
import { clientKeyOf, compileProxyTrust, parseTrustProxy, resolveClientAddress } from './client-address.js';

describe('TRUST_PROXY', () => {
  test('unset trusts no proxy; addresses, CIDR ranges, named ranges and a hop count are read', () => {
    assert.deepEqual(loadConfig({}).trustProxy, []);
    assert.deepEqual(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1' }).trustProxy, ['loopback', '10.0.0.0/8', '2001:db8::1']);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
  });

  test('anything else stops the start-up with a message naming the variable', () => {
    for (const value of ['nonsense', '10.0.0.0/33', '300.1.1.1', 'true']) {
      assert.throws(
        () => loadConfig({ TRUST_PROXY: value }),
        (error: unknown) => error instanceof ConfigError && /TRUST_PROXY/.test(error.message),
        value,
      );
    }
  });
});

describe('the client address', () => {
  const trustLoopback = compileProxyTrust(parseTrustProxy('loopback'));

  test('without trusted proxies, X-Forwarded-For is ignored', () => {
    assert.equal(resolveClientAddress('127.0.0.1', '203.0.113.7', compileProxyTrust([])), '127.0.0.1');
    assert.equal(resolveClientAddress('198.51.100.1', '203.0.113.7', trustLoopback), '198.51.100.1', 'an untrusted peer cannot name another client');
  });

  test('behind trusted proxies, the right-most address that is not a trusted proxy', () => {
    assert.equal(resolveClientAddress('127.0.0.1', '203.0.113.7', trustLoopback), '203.0.113.7');
    assert.equal(resolveClientAddress('127.0.0.1', 'forged, 203.0.113.7', trustLoopback), '203.0.113.7');
    assert.equal(resolveClientAddress('127.0.0.1', '203.0.113.7, 127.0.0.2', trustLoopback), '203.0.113.7', 'two trusted hops');
    assert.equal(resolveClientAddress('127.0.0.1', '', trustLoopback), '127.0.0.1');
    assert.equal(resolveClientAddress('10.0.0.5', '203.0.113.9, 198.51.100.3', compileProxyTrust(1)), '198.51.100.3', 'a hop count trusts that many hops');
    assert.equal(resolveClientAddress('10.0.0.5', '203.0.113.9, 198.51.100.3', compileProxyTrust(2)), '203.0.113.9');
  });

  test('limit keys: IPv4-mapped IPv6 is IPv4, IPv6 counts by its /64', () => {
    assert.equal(clientKeyOf('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(clientKeyOf('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(clientKeyOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
    assert.equal(clientKeyOf('in-process'), 'in-process');
  });
});
