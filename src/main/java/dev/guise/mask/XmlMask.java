package dev.guise.mask;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * {@code xml}: masks text and attribute values inside an XML document held in a text column (or
 * bytes). Each transform's XPath 1.0 {@code path} selects attributes, text nodes or elements that
 * hold only text; each selected value is replaced by the output of the nested masks. Documents are
 * parsed without namespaces (match namespaced names with {@code local-name()}), and DOCTYPE
 * declarations are refused, so no external entity or DTD is ever fetched.
 */
public final class XmlMask implements Mask {
  public static final String NAME = "xml";

  public static final MaskDefinition DEFINITION =
      new MaskDefinition(
          NAME,
          "document",
          "Mask text and attribute values inside XML selected by XPath expressions.",
          List.of(
              ParamSpec.required(
                  "transforms",
                  ParamType.TRANSFORMS,
                  "List of {path, masks, on_missing}. path: an XPath 1.0 expression selecting"
                      + " attributes (//customer/@id), text nodes (//name/text()) or elements"
                      + " holding only text (//email). masks: applied to each selected value."
                      + " on_missing: skip (default) or error when the path selects nothing.")),
          "type: xml\ntransforms:\n  - path: //customer/email\n    masks:\n"
              + "      - type: imitate\n  - path: //customer/@id\n    masks:\n"
              + "      - type: imitate",
          XmlMask::create);

  private static final Set<String> TRANSFORM_KEYS = Set.of("path", "masks", "on_missing");

  /** One entry of {@code transforms}. */
  record Transform(String path, Pipeline masks, boolean errorOnMissing) {}

  // parsers, serializers and XPath objects are not thread-safe: one of each per thread
  private static final ThreadLocal<DocumentBuilder> PARSER =
      ThreadLocal.withInitial(XmlMask::newParser);
  private static final ThreadLocal<Transformer> WRITER =
      ThreadLocal.withInitial(XmlMask::newWriter);
  private static final ThreadLocal<XPath> XPATH =
      ThreadLocal.withInitial(() -> XPathFactory.newInstance().newXPath());

  private final List<Transform> transforms;

  XmlMask(List<Transform> transforms) {
    this.transforms = transforms;
  }

  private static XmlMask create(MaskArgs args) {
    List<?> raw = args.list("transforms");
    if (raw.isEmpty()) {
      throw new MaskArgs.InvalidArgument(
          "transforms", "the list of transforms is empty; give at least one {path, masks}");
    }
    List<Transform> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String where = "transform " + (i + 1);
      Map<?, ?> t = JsonMask.transformMap(raw.get(i), where, TRANSFORM_KEYS);
      if (!(t.get("path") instanceof String path) || path.isBlank() || !t.containsKey("masks")) {
        throw new MaskArgs.InvalidArgument(
            "transforms", where + " needs 'path' (an XPath expression) and 'masks'");
      }
      try {
        XPATH.get().compile(path);
      } catch (XPathExpressionException e) {
        throw new MaskArgs.InvalidArgument(
            "transforms",
            where + ": '" + path + "' is not a valid XPath 1.0 expression; fix the path");
      }
      Pipeline masks = JsonMask.masks(t.get("masks"), where);
      boolean errorOnMissing =
          JsonMask.option(t.get("on_missing"), "skip", where, "on_missing", "skip", "error")
              .equals("ERROR");
      out.add(new Transform(path, masks, errorOnMissing));
    }
    return new XmlMask(List.copyOf(out));
  }

  @Override
  public Object apply(Object value, MaskContext ctx) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return value;
    }
    String text;
    if (value instanceof String s) {
      text = s;
    } else if (value instanceof byte[] b) {
      text = new String(b, StandardCharsets.UTF_8);
    } else {
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          NAME
              + " - cannot read XML from a "
              + value.getClass().getSimpleName()
              + " value; use it on text or XML columns");
    }
    Document doc = parse(text);
    doc.setXmlStandalone(true); // else the JDK writer adds standalone="no" to the declaration
    for (int t = 0; t < transforms.size(); t++) {
      transform(doc, t, ctx);
    }
    String out = write(doc, text.stripLeading().startsWith("<?xml"));
    return value instanceof byte[] ? out.getBytes(StandardCharsets.UTF_8) : out;
  }

  private void transform(Document doc, int index, MaskContext ctx) {
    Transform t = transforms.get(index);
    NodeList nodes;
    try {
      XPathExpression expr = XPATH.get().compile(t.path());
      nodes = (NodeList) expr.evaluate(doc, XPathConstants.NODESET);
    } catch (XPathExpressionException e) {
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          NAME + " - path '" + t.path() + "' must select nodes (attributes, text or elements)");
    }
    if (nodes.getLength() == 0 && t.errorOnMissing()) {
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          NAME
              + " - path '"
              + t.path()
              + "' selects nothing in a row; set on_missing: skip to leave such values alone");
    }
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
          if (c.getNodeType() == Node.ELEMENT_NODE) {
            throw new GuiseException(
                ErrorCode.RUN_FAILED,
                NAME
                    + " - path '"
                    + t.path()
                    + "' selects an element holding other elements; select the leaf elements,"
                    + " their text() or attributes");
          }
        }
      }
      String current = node.getTextContent();
      Object masked = t.masks().apply(current, ctx.derive(NAME + "/" + index + "/node/" + i));
      node.setTextContent(masked == null ? "" : ValueText.of(masked));
    }
  }

  private static Document parse(String text) {
    try {
      return PARSER.get().parse(new InputSource(new StringReader(text)));
    } catch (SAXException e) {
      // the parser's message may quote the data; give its kind only
      throw new GuiseException(
          ErrorCode.RUN_FAILED,
          NAME
              + " - a value is not well-formed XML, or declares a DOCTYPE (refused for safety);"
              + " mask only XML values");
    } catch (IOException e) {
      throw new GuiseException(ErrorCode.RUN_FAILED, NAME + " - cannot read an XML value", e);
    }
  }

  private static String write(Document doc, boolean declaration) {
    Transformer w = WRITER.get();
    w.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, declaration ? "no" : "yes");
    StringWriter out = new StringWriter();
    try {
      w.transform(new DOMSource(doc), new StreamResult(out));
    } catch (TransformerException e) {
      throw new GuiseException(ErrorCode.RUN_FAILED, NAME + " - cannot write an XML value", e);
    }
    return out.toString();
  }

  private static DocumentBuilder newParser() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws, never prints
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser refuses secure settings", e);
    }
  }

  private static Transformer newWriter() {
    try {
      TransformerFactory f = TransformerFactory.newInstance();
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer t = f.newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      return t;
    } catch (javax.xml.transform.TransformerConfigurationException e) {
      throw new IllegalStateException("the JDK's XML writer is unavailable", e);
    }
  }

  @Override
  public OutputShape shape() {
    return OutputShape.SAME;
  }

  @Override
  public Set<String> columnsRead() {
    Set<String> out = new LinkedHashSet<>();
    for (Transform t : transforms) {
      out.addAll(t.masks().columnsRead());
    }
    return out;
  }
}
