/** Ids the host stores and routes by: never rename one (open panels and registered buttons carry them). */
export const ROOM_ACTION_ID = 'lpvi-room-action';
export { REFRESH_ACTION_ID } from '../ui/renderPanelBlocks';
