import { Prisma } from '../../../db/prisma';
import { AppError } from '../../../lib/app-error';

/** Two stages with one name would make the charts' legends ambiguous: refused, naming the field. */
export async function stageNameTaken<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', 'A stage with this name already exists', {
        fields: [{ field: 'body.name', message: 'is already the name of a stage' }],
      });
    }
    throw error;
  }
}
