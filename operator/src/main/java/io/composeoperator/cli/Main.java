package io.composeoperator.cli;

/** Entry point of compose-operator.jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("compose-operator");
  }
}
