import { randomBytes, randomInt } from 'node:crypto';

const UNMISTAKABLE = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/** A 17-character id like Rocket.Chat's `Random.id()` (room, user, message and trigger ids). */
export function randomId(): string {
  let id = '';
  for (let i = 0; i < 17; i += 1) {
    id += UNMISTAKABLE[randomInt(UNMISTAKABLE.length)];
  }
  return id;
}

/** A 24-hex-digit id like a Mongo ObjectId (persistence records, scheduled jobs). */
export function objectId(): string {
  return randomBytes(12).toString('hex');
}
