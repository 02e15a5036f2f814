// Hostile text for the attack battery (attack-xss.spec.ts): written for Casebook's
// contexts (React text and attributes, Next.js's flight data inside <script>, <title>
// and <meta>, <textarea> and <input value> in the editor, href="" of source links).
//
// Every template says what it would do if it ever ran or became markup:
//  - `§` is replaced by a statement that records the hit, `__xss.push(<id>)` (the spec
//    defines `window.__xss = []` in every frame before any page script runs);
//  - `¤` by the bare numeric id, for payloads that spell the statement themselves
//    (entity-encoded, in a data: URL…);
//  - element-making payloads carry a `data-xss` attribute, so that an element that got
//    through is found even when it is inert (no handler fires without a user).
// The id encodes the field and the payload (`fieldNo * 1000 + payloadNo`), so a hit
// names both.
//
// 144 general payloads (any text field) and 20 address payloads (for fields that end
// up in href=""; they go into every other field as text too). Our own list, by
// family: script tags, event handlers, javascript:/data: URLs, SVG and MathML, breaking
// out of attributes, closing the element the text sits in, breaking out of a string in
// a <script> (Next.js's inline flight data), React flight markers, template and
// markdown syntax, Unicode and bidi tricks, encodings, CSS, DOM clobbering.

export type Payload = { no: number; family: string; template: string }

const GENERAL: [family: string, template: string][] = [
  // Script tags
  ['script', '<script>§</script>'],
  ['script', '<SCRIPT>§</SCRIPT>'],
  ['script', '<script data-xss>§</script >'],
  ['script', '<script/x data-xss>§</script>'],
  ['script', '<scr<script>ipt>§</scr</script>ipt>'],
  ['script', '<script type="module" data-xss>§</script>'],
  ['script', '<script src="data:text/javascript,§" data-xss></script>'],
  ['script', '<script>/*</script><script data-xss>*/§</script>'],
  ['script', '<<script data-xss>§//<</script>'],
  ['script', '<script\ftype="text/javascript" data-xss>§</script>'],
  ['script', '<script data-xss>§</script'],
  ['script', '<!--<script data-xss>§</script>-->'],
  ['script', '<noscript><p title="</noscript><img src=x onerror=§ data-xss>">'],
  ['script', '<template data-xss><script>§</script></template>'],
  // Event handlers
  ['handler', '<img src=x onerror=§ data-xss>'],
  ['handler', '<img src="x" onerror="§" data-xss>'],
  ['handler', '<IMG SRC=x ONERROR=§ DATA-XSS>'],
  ['handler', '<img/src=x/onerror=§ data-xss>'],
  ['handler', '<img src=x onerror=`§` data-xss>'],
  ['handler', '<svg onload=§ data-xss>'],
  ['handler', '<svg/onload=§ data-xss/>'],
  ['handler', '<body onload=§ data-xss>'],
  ['handler', '<input autofocus onfocus=§ data-xss>'],
  ['handler', '<select autofocus onfocus=§ data-xss></select>'],
  ['handler', '<textarea autofocus onfocus=§ data-xss></textarea>'],
  ['handler', '<details open ontoggle=§ data-xss>'],
  ['handler', '<video data-xss><source onerror=§></video>'],
  ['handler', '<audio src=x onerror=§ data-xss>'],
  ['handler', '<iframe onload=§ data-xss></iframe>'],
  ['handler', '<object data=x onerror=§ data-xss></object>'],
  ['handler', '<marquee onstart=§ data-xss>x</marquee>'],
  ['handler', '<div data-xss onpointerover=§ style="position:fixed;inset:0;z-index:99">'],
  ['handler', '<a data-xss onmouseover=§ href=#>hover</a>'],
  ['handler', '<div data-xss style="animation:x 1s" onanimationstart=§></div>'],
  ['handler', '<style onload=§ data-xss></style>'],
  ['handler', '<link rel=stylesheet href=x onerror=§ data-xss>'],
  ['handler', '<form data-xss><button formaction=javascript:§>go</button></form>'],
  ['handler', '<isindex action=javascript:§ type=image data-xss>'],
  ['handler', '<keygen autofocus onfocus=§ data-xss>'],
  ['handler', '<body onpageshow=§ data-xss>'],
  ['handler', '<image src=x onerror=§ data-xss>'],
  ['handler', '<input type=image src=x onerror=§ data-xss>'],
  ['handler', '<img srcset="x 1x" onerror=§ data-xss>'],
  ['handler', '<picture data-xss><source srcset=x><img src=x onerror=§></picture>'],
  ['handler', '<xss-el data-xss tabindex=1 autofocus onfocus=§></xss-el>'],
  ['handler', '<dialog open data-xss onclose=§><form method=dialog><button>x</button></form></dialog>'],
  ['handler', '<img src=x onerror=&#95;&#95;xss.push(¤) data-xss>'],
  ['handler', '<img src=x onerror=import("data:text/javascript,§") data-xss>'],
  // javascript: and data: URLs in markup
  ['url', '<a href="javascript:§" data-xss>click</a>'],
  ['url', '<a href="JaVaScRiPt:§" data-xss>click</a>'],
  ['url', '<a href="java&#x09;script:§" data-xss>click</a>'],
  ['url', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;§" data-xss>click</a>'],
  ['url', '<a href=" &#14; javascript:§" data-xss>click</a>'],
  ['url', '<iframe src="javascript:§" data-xss></iframe>'],
  ['url', '<iframe srcdoc="&lt;script&gt;parent.§&lt;/script&gt;" data-xss></iframe>'],
  ['url', '<meta http-equiv="refresh" content="0;url=javascript:§" data-xss>'],
  ['url', '<base href="javascript:§//" data-xss>'],
  ['url', '<object data="data:text/html,<script>parent.§</script>" data-xss></object>'],
  ['url', '<form action="javascript:§" data-xss><input type=submit></form>'],
  ['url', '<embed src="javascript:§" data-xss>'],
  ['url', '<table background="javascript:§" data-xss><tr><td>x</td></tr></table>'],
  // SVG and MathML
  ['svg', '<svg data-xss><script>§</script></svg>'],
  ['svg', '<svg data-xss><animate onbegin=§ attributeName=x dur=1s>'],
  ['svg', '<svg data-xss><set onbegin=§ attributeName=x to=1>'],
  ['svg', '<svg data-xss><a xlink:href="javascript:§"><text x=20 y=20>x</text></a></svg>'],
  ['svg', '<svg data-xss><foreignObject><iframe onload=§></iframe></foreignObject></svg>'],
  ['svg', '<svg data-xss><image href=x onerror=§ /></svg>'],
  ['svg', `<svg data-xss><use href="data:image/svg+xml,<svg id='u' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='§'/></svg>#u"/></svg>`],
  ['svg', '<svg><style><img src=x onerror=§ data-xss></style></svg>'],
  ['svg', '<svg data-xss><title><![CDATA[</title><img src=x onerror=§>]]></title></svg>'],
  ['svg', '<svg data-xss><discard onbegin=§ />'],
  ['mathml', '<math data-xss><mtext><table><mglyph><style><img src=x onerror=§>'],
  ['mathml', '<math data-xss href="javascript:§">click</math>'],
  ['mathml', '<math><maction actiontype=statusline xlink:href=javascript:§ data-xss>x</maction></math>'],
  // Breaking out of an attribute
  ['attribute', '"><img src=x onerror=§ data-xss>'],
  ['attribute', "'><img src=x onerror=§ data-xss>"],
  ['attribute', '" onmouseover="§" data-xss="'],
  ['attribute', "' onfocus='§' autofocus data-xss='"],
  ['attribute', '` onerror=`§` data-xss=`'],
  ['attribute', '" autofocus onfocus=§ x="'],
  ['attribute', '"/><svg onload=§ data-xss>'],
  ['attribute', '" style="animation:x 1s" onanimationstart="§" data-xss="'],
  ['attribute', '&quot; onmouseover=&quot;§&quot; data-xss=&quot;'],
  ['attribute', '"\u0000><img src=x onerror=§ data-xss>'],
  ['attribute', '"><iframe src=javascript:§ data-xss>'],
  // Closing the element the text sits in
  ['close', '</textarea><img src=x onerror=§ data-xss>'],
  ['close', '</title><script data-xss>§</script>'],
  ['close', '</style><img src=x onerror=§ data-xss>'],
  ['close', '</noscript><img src=x onerror=§ data-xss>'],
  ['close', '</script><script data-xss>§</script>'],
  ['close', '</ScRiPt ><script data-xss>§</script>'],
  ['close', '</script\t><svg onload=§ data-xss>'],
  ['close', '</template><img src=x onerror=§ data-xss>'],
  ['close', '</xmp><img src=x onerror=§ data-xss>'],
  ['close', '<plaintext data-xss>'],
  ['close', '</option></select><img src=x onerror=§ data-xss>'],
  ['close', '--><img src=x onerror=§ data-xss><!--'],
  ['close', ']]><img src=x onerror=§ data-xss>'],
  ['close', '</p></div></main><img src=x onerror=§ data-xss>'],
  ['close', '</iframe></noembed></noframes><img src=x onerror=§ data-xss>'],
  // Breaking out of a JavaScript string (Next.js's flight data is in inline scripts)
  ['script-string', '"]);§;//'],
  ['script-string', '\\");§;//'],
  ['script-string', "'});§;//"],
  ['script-string', '\u2028§;//\u2029'],
  ['script-string', '\\x3c/script\\x3e\\x3cscript\\x3e§\\x3c/script\\x3e'],
  ['script-string', '\\u003c/script\\u003e\\u003cimg src=x onerror=§ data-xss\\u003e'],
  // React flight and JSON markers
  ['flight', '$@1 $K1 $Q0 $undefined $$ $'],
  ['flight', '$Sreact.fragment $L1 $F1 $h1 $n123 $D2020-01-01 $T $I'],
  ['flight', '0:{"a":"$@1","b":"x"}\n1:I["x",[],""]\n2:"<img src=x onerror=§ data-xss>"'],
  ['flight', 'self.__next_f.push([1,"<img src=x onerror=§ data-xss>"])'],
  ['flight', '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'],
  // Template and markdown syntax
  ['template', "{{constructor.constructor('§')()}}"],
  ['template', '${§}'],
  ['template', '#{§} <%= § %> {% § %} [[§]]'],
  ['template', "{{$on.constructor('§')()}} {{7*7}}"],
  ['markdown', '[click me](javascript:§)'],
  ['markdown', '![x](x" onerror="§)'],
  ['markdown', '[x](https://x.example "t\\" onmouseover=\\"§")'],
  ['markdown', '<a href="#" data-xss onclick="§">*bold*</a> **`code`**'],
  // Unicode and bidi
  ['unicode', '\u202E<img src=x onerror=§ data-xss>\u202C'],
  ['unicode', '＜script＞§＜/script＞'],
  ['unicode', '<scr\u200Bipt>§</scr\u200Bipt>'],
  ['unicode', '\uFEFF<svg onload=§ data-xss>'],
  ['unicode', '\u0130\u0131<img src=x onerror=§ data-xss>'],
  ['unicode', '<img src=x onerror=§ data-xss>\uD800'],
  ['unicode', '\u0000<script data-xss>§</script>'],
  ['unicode', '<ſcript data-xss>§</ſcript>'],
  ['unicode', '\u061C\u2066<img src=x onerror=§ data-xss>\u2069'],
  ['unicode', 'ｊａｖａｓｃｒｉｐｔ：§'],
  ['unicode', 'e\u0301\u0301\u0301\u0301<img src=x onerror=§ data-xss>'],
  // Encodings
  ['encoded', '&lt;script&gt;§&lt;/script&gt;'],
  ['encoded', '%3Cscript%3E§%3C%2Fscript%3E'],
  ['encoded', '\\x3cimg src=x onerror=§ data-xss\\x3e'],
  ['encoded', '&#x3C;img src=x onerror=§ data-xss&#x3E;'],
  ['encoded', '&amp;lt;svg onload=§ data-xss&amp;gt;'],
  ['encoded', '%253Csvg%2520onload%253D§%253E'],
  // CSS
  ['css', `<div data-xss style="background:url('javascript:§')">x</div>`],
  ['css', "<style data-xss>@import 'javascript:§';</style>"],
  ['css', '<div data-xss style="width:expression(§)">x</div>'],
  ['css', '<link rel=stylesheet href="data:text/css,*{color:red}" data-xss>'],
  // DOM clobbering and polyglots
  ['clobber', '<a id=__xss data-xss></a><form name=__xss data-xss></form>'],
  ['clobber', '<img name=getElementById data-xss><form id=location data-xss>'],
  ['polyglot', `'"--></style></script></textarea></title><svg/onload=§ data-xss>`],
  ['polyglot', '/*`/*\'/*"/**/(/* */§)//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=§ data-xss//>\\x3e'],
]

const ADDRESSES: [family: string, template: string][] = [
  ['address', 'javascript:§'],
  ['address', 'JAVASCRIPT:§'],
  ['address', ' javascript:§'],
  ['address', 'java\tscript:§'],
  ['address', 'java\nscript:§'],
  ['address', '\u0001javascript:§'],
  ['address', 'javascript://%0a§'],
  ['address', 'javascript:/*https://news.example.org/*/§'],
  ['address', 'data:text/html,<script>parent.§</script>'],
  ['address', 'data:text/html;base64,<base64 of <script>§</script>>'],
  ['address', 'vbscript:msgbox(¤)'],
  ['address', 'https://news.example.org/"><img src=x onerror=§ data-xss>'],
  ['address', 'https://news.example.org/?q=</a><script>§</script>'],
  ['address', "https://news.example.org/#' onmouseover='§' data-xss='"],
  ['address', 'jav&#x61;script:§'],
  ['address', 'javascript&colon;§'],
  ['address', '\u2028javascript:§'],
  ['address', 'https:javascript:§'],
  ['address', 'blob:https://news.example.org/§'],
  ['address', 'file:///etc/passwd#§'],
]

export const GENERAL_PAYLOADS: Payload[] = GENERAL.map(([family, template], i) => ({ no: i + 1, family, template }))
export const ADDRESS_PAYLOADS: Payload[] = ADDRESSES.map(([family, template], i) => ({ no: GENERAL.length + i + 1, family, template }))
export const ALL_PAYLOADS: Payload[] = [...GENERAL_PAYLOADS, ...ADDRESS_PAYLOADS]

/** The hit statement for `id`: what `§` becomes. */
export const hitStatement = (id: number) => `__xss.push(${id})`

/** The payload's text for the field numbered `fieldNo`. */
export function expand(payload: Payload, fieldNo: number): string {
  const id = fieldNo * 1000 + payload.no
  const text = payload.template.replaceAll('¤', String(id)).replaceAll('§', hitStatement(id))
  // The base64 one is spelled out here (a template cannot hold its own encoding).
  return text.replace(/<base64 of (.*)>$/, (_m, inner: string) => Buffer.from(inner, 'utf8').toString('base64'))
}

/** What an id names, for failure messages. */
export function describeHit(id: number, fieldNames: Map<number, string>): string {
  const payload = ALL_PAYLOADS.find((p) => p.no === id % 1000)
  return `${fieldNames.get(Math.floor(id / 1000)) ?? `field ${Math.floor(id / 1000)}`} ← payload ${id % 1000} (${payload?.family}): ${JSON.stringify(payload?.template)}`
}
