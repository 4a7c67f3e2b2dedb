// The bundler embeds .proto files as text (esbuild's `text` loader), so the bundle needs no side files.
declare module '*.proto' {
  const text: string;
  export default text;
}
