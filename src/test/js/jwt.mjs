// RS256 tokens signed with Node's crypto, as the platform's REST API would issue them.
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

const b64url = (value) => Buffer.from(value).toString('base64url');

function jwt(claims, privateKey) {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), privateKey);
  return `${header}.${payload}.${signature.toString('base64url')}`;
}

const platformKey = () => createPrivateKey(readFileSync(process.env.JWT_PRIVATE_KEY_FILE));

function claimsFor(userId, lifetimeSeconds) {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: userId,
    iss: process.env.JWT_ISSUER,
    aud: process.env.JWT_AUDIENCE,
    iat: now - 600,
    exp: now + lifetimeSeconds,
  };
}

export const validToken = (userId) => jwt(claimsFor(userId, 600), platformKey());

export const expiredToken = (userId) => jwt(claimsFor(userId, -300), platformKey());

/** Signed correctly, but with a key the bridge has never seen. */
export function forgedToken(userId) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return jwt(claimsFor(userId, 600), privateKey);
}

/** Issued this second: what a client gets after a logout everywhere revoked its older tokens. */
export function freshToken(userId) {
  const claims = claimsFor(userId, 600);
  claims.iat = Math.floor(Date.now() / 1000);
  return jwt(claims, platformKey());
}

/** A backend service's token for the bridge's HTTP API (same test key; scope claim as issued). */
export function serviceToken(scope = 'bridge') {
  return jwt({ ...claimsFor('billing-service', 600), scope }, platformKey());
}
