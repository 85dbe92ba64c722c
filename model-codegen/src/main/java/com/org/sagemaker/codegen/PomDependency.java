package com.org.sagemaker.codegen;

import java.io.IOException;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a dependency's version from a pom the way the Java plugin does ({@code
 * _get_java_plugin_dependency_version}: {@code ./dependencies/dependency[artifactId=...]/version}
 * under the project element): the literal text, from the pom's own dependencies only.
 */
final class PomDependency {

  private PomDependency() {}

  static String version(final Path pom, final String artifactId) throws IOException {
    final Element project;
    try {
      final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      final DocumentBuilder builder = factory.newDocumentBuilder();
      // Report through the exception only, not also on stderr.
      builder.setErrorHandler(new DefaultHandler());
      project = builder.parse(pom.toFile()).getDocumentElement();
    } catch (final ParserConfigurationException | SAXException e) {
      throw new IOException(pom + " is invalid: " + e.getMessage(), e);
    }
    for (final Element dependency : children(child(project, "dependencies"), "dependency")) {
      if (artifactId.equals(text(child(dependency, "artifactId")))) {
        final String version = text(child(dependency, "version"));
        if (version != null) {
          return version;
        }
      }
    }
    throw new IOException("'" + artifactId + "' maven dependency not found in " + pom);
  }

  private static Element child(final Element parent, final String name) {
    final java.util.List<Element> children = children(parent, name);
    return children.isEmpty() ? null : children.get(0);
  }

  private static java.util.List<Element> children(final Element parent, final String name) {
    final java.util.List<Element> children = new java.util.ArrayList<>();
    if (parent != null) {
      for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
        if (node instanceof Element element && name.equals(element.getLocalName())) {
          children.add(element);
        }
      }
    }
    return children;
  }

  private static String text(final Element element) {
    return element == null ? null : element.getTextContent().trim();
  }
}
