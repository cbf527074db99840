import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's recommended cost (19 MiB, 2 passes), as OWASP suggests.
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 /* Algorithm.Argon2id, a const enum */ });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
