fn main() {
    println!("chiso");
}
