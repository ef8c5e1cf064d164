import type { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import type { IDepartment } from '@rocket.chat/apps-engine/definition/livechat';

import type { HostVisitor } from './HostVisitor';
import { parseHostVisitor } from './parseHostVisitor';

/**
 * The full visitor by id (a room carries the visitor a server converted, but not every server the same way), and
 * the department to show: the conversation's, when the panel is opened from its room (a real server's room
 * carries the whole department, and after a transfer it is not the visitor's own), else the visitor's, read.
 */
export async function readHostVisitor(
    read: IRead,
    visitorId: string,
    roomDepartment?: Partial<IDepartment>,
): Promise<{ visitor: HostVisitor; departmentName?: string } | undefined> {
    const livechat = read.getLivechatReader();
    const visitor = parseHostVisitor(await livechat.getLivechatVisitorById(visitorId));
    if (!visitor) return undefined;
    if (typeof roomDepartment?.name === 'string') return { visitor, departmentName: roomDepartment.name };
    if (!visitor.departmentId) return { visitor };
    // A department the app may not read (or a deleted one) is shown by its id rather than failing the panel.
    const department = await livechat.getLivechatDepartmentByIdOrName(visitor.departmentId).catch(() => undefined);
    return { visitor, departmentName: department?.name };
}
