export { localDay } from '../../common/localDay.ts';
