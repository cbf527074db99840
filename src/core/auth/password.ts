import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.ts';

let common: Promise<Set<string>> | undefined;

/**
 * The 49,000 most used passwords (zxcvbn-ts's list, from leaked password sets; lower case), bundled
 * with the package: no network at run time. Loaded on the first new password (about 20 ms).
 */
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']),
  );
  return common;
}

/**
 * Refuses a new password that is on the list of common ones, in any case (`Password1` is
 * `password1`), or one character over and over, as NIST SP 800-63B asks of a password's checks
 * (a 400 naming `field`). The length rule (8 to 200) is the schemas'.
 */
export async function assertUncommonPassword(password: string, field = 'password'): Promise<void> {
  if (/^(.)\1*$/su.test(password) || (await commonPasswords()).has(password.toLowerCase())) {
    throw AppError.invalid(
      field,
      'is too common: choose one that is not on the lists of often-used passwords',
    );
  }
}

/** argon2id with the library's recommended cost (19 MiB, 2 passes), as OWASP suggests. */
export function argon2id(password: string): Promise<string> {
  return hash(password, { algorithm: 2 /* Algorithm.Argon2id, a const enum */ });
}

/**
 * The hash of a new password: every one passes here (setup, admin, invitations, reset, change),
 * and a common one is refused first. (better-auth gets `argon2id`: it also hashes what someone
 * typed for an unknown address, to take as long as a real check, and must not judge it.)
 */
export async function hashPassword(password: string, field = 'password'): Promise<string> {
  await assertUncommonPassword(password, field);
  return argon2id(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
