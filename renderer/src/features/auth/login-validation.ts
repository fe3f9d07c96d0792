// The login form's check against the contract, as a chunk of its own: zod and the schema are not
// needed to paint the form, only to submit it (fetched once the form has painted; LoginScreen).
import '../../zod-config';
import { zodResolver } from '@hookform/resolvers/zod';
import { loginInput } from '../../api/sign-in-contract';

export const loginResolver = zodResolver(loginInput);
