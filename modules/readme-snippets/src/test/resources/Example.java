class Example {
    void run() {
        // tag::hello[]
        System.out.println("hello");
        // end::hello[]
    }
}
