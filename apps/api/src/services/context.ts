import type { OrgRole } from '@amb/domain/access';
import type { Db } from '../db/prisma';

/** The signed-in person a use case acts for. */
export interface Actor {
  id: string;
  orgRole: OrgRole;
}

export interface ServiceContext {
  db: Db;
  actor: Actor;
}
