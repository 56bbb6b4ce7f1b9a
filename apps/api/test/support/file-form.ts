/** A multipart/form-data body carrying one file in the field `file`, as the upload routes take it. */
export function fileForm(fileName: string, content: string | Buffer, boundary = '----test-upload') {
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n\r\n`),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}
