// npm run user:create -- --email a@example.org --role admin [--name "A. Admin"] [--generate]
// Creates an account that signs in with email and password. The password is read
// from the terminal (twice, not echoed) or, with --generate or without a terminal,
// generated and printed once. There is no default password anywhere.
import { createInterface } from 'node:readline'
import { createUserAccount, generatePassword, parseUserCreateArgs, USER_CREATE_USAGE } from '../lib/auth/create-user'
import { db } from '../lib/db'
import { passwordProblem } from '../lib/validation/auth'

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true })
    // Print the question, then nothing of what is typed.
    ;(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
      if (s.startsWith(question)) process.stdout.write(question)
    }
    rl.question(question, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
  })
}

async function main(): Promise<number> {
  const parsed = parseUserCreateArgs(process.argv.slice(2))
  if (!parsed.ok) {
    console.error(`${parsed.error}\n${USER_CREATE_USAGE}`)
    return 2
  }
  const { email, role, name } = parsed.args
  const generate = parsed.args.generate || !process.stdin.isTTY
  let password: string
  if (generate) {
    password = generatePassword()
  } else {
    password = await askHidden(`Password for ${email}: `)
    const problem = passwordProblem(password)
    if (problem) {
      console.error(`Password refused: ${problem}`)
      return 1
    }
    if ((await askHidden('Same password again: ')) !== password) {
      console.error('The two passwords differ.')
      return 1
    }
  }
  const result = await createUserAccount({ email, role, name, password })
  if (!result.ok) {
    console.error(result.error)
    return 1
  }
  console.log(`Created ${role} ${email}.`)
  if (generate) console.log(`Password (shown only now, store it safely): ${password}`)
  if (role === 'admin') console.log('Sign in at /sign-in; an admin must then set up two-factor sign-in (TOTP).')
  return 0
}

main()
  .then((code) => {
    process.exitCode = code
  })
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => db.$disconnect())
